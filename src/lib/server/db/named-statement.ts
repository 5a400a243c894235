import { DrizzleQueryError, fillPlaceholders, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { parse, protocol, type messages, type PGlite } from '@electric-sql/pglite';
import { embeddedClient, type Database } from './client';

/**
 * One value per database, made on first use: tests and tools open several databases in one
 * process, and a prepared statement belongs to the database it was prepared on.
 */
export function perDatabase<T>(create: (db: Database) => T): (db: Database) => T {
	const made = new WeakMap<Database, T>();
	return (db) => {
		let value = made.get(db);
		if (value === undefined) made.set(db, (value = create(db)));
		return value;
	};
}

/**
 * A statement prepared once per database under a name, for the requests every page or submission
 * makes: it is parsed and planned once (per connection on PostgreSQL) instead of on every call, and
 * drizzle builds its text once. Parameters are `sql.placeholder(name)`s filled from `params`; rows
 * come back as the driver returns them (dates as PostgreSQL's text).
 */
export function namedStatement(name: string, build: () => SQL) {
	const dialect = new PgDialect();
	const statement = perDatabase((db) => {
		const query = dialect.sqlToQuery(build());
		const client = embeddedClient(db);
		if (client) {
			return async (params: Record<string, unknown>) => {
				const values = fillPlaceholders(query.params, params);
				try {
					return await runEmbedded(client, name, query.sql, values);
				} catch (error) {
					// the same error drizzle gives on either engine: the database's own as its cause
					throw new DrizzleQueryError(query.sql, values, error as Error);
				}
			};
		}
		const prepared = db._.session.prepareQuery(query, undefined, name, false);
		return async (params: Record<string, unknown>) => ((await prepared.execute(params)) as { rows: unknown[] }).rows;
	});
	return async <T>(db: Database, params: Record<string, unknown>): Promise<T[]> => (await statement(db)(params)) as T[];
}

interface EmbeddedStatement {
	paramTypes: number[];
	/** the statement's row description, which each execution's rows are read with */
	rowDescription: messages.BackendMessage | undefined;
}

const embeddedStatements = new WeakMap<PGlite, Map<string, EmbeddedStatement>>();

/**
 * PGlite's own `query` prepares an unnamed statement and makes six calls into PostgreSQL for every
 * query; here the statement is parsed once under its name and each execution is a single call
 * (bind, execute, sync), taking the same locks as `query`.
 */
async function runEmbedded(client: PGlite, name: string, text: string, values: unknown[]): Promise<unknown[]> {
	await client._checkReady();
	return client._runExclusiveTransaction(() =>
		client._runExclusiveQuery(async () => {
			let statements = embeddedStatements.get(client);
			if (!statements) embeddedStatements.set(client, (statements = new Map()));
			let statement = statements.get(name);
			if (!statement) {
				const described = await client.execProtocolStream(
					concat([protocol.serialize.parse({ name, text }), protocol.serialize.describe({ type: 'S', name }), protocol.serialize.sync()]),
					{ syncToFs: false }
				);
				const parameters = described.find((m) => m.name === 'parameterDescription') as { dataTypeIDs: number[] } | undefined;
				statement = {
					paramTypes: parameters?.dataTypeIDs ?? [],
					rowDescription: described.find((m) => m.name === 'rowDescription')
				};
				statements.set(name, statement);
			}
			const { paramTypes } = statement;
			const serialized = values.map((value, i) => {
				if (value === null || value === undefined) return null;
				const serializer = client.serializers[paramTypes[i]];
				return serializer ? serializer(value) : String(value);
			});
			const messages = await client.execProtocolStream(
				concat([protocol.serialize.bind({ statement: name, values: serialized }), protocol.serialize.execute({}), protocol.serialize.sync()]),
				{ syncToFs: false }
			);
			await client.syncToFs();
			const withFields = statement.rowDescription ? [statement.rowDescription, ...messages] : messages;
			return parse.parseResults(withFields, client.parsers)[0]?.rows ?? [];
		})
	);
}

function concat(parts: Uint8Array[]): Uint8Array {
	const joined = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		joined.set(part, offset);
		offset += part.length;
	}
	return joined;
}
