import type { CourseFile } from './course';
import { digest } from './hash';
import type { SourceInput } from './types';

/** Bump when the generator's output changes for the same sources: start-up then regenerates. */
export const GENERATOR_VERSION = '1.13.0';

/** What the stored content was generated from: unchanged means nothing to regenerate. */
export function inputsHashOf(sources: readonly SourceInput[], course: CourseFile): string {
	return digest([GENERATOR_VERSION, JSON.stringify(course), ...sources.flatMap((s) => [s.id, s.title, s.kind, s.publisher, s.published ?? '', s.rawText])], 32);
}
