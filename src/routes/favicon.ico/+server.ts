import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

// browsers and crawlers ask for /favicon.ico whatever the page's <link rel="icon"> says
export const GET: RequestHandler = () => redirect(308, '/favicon.svg');
