import { renderedLessonBody } from '$lib/content/rendered-lessons';
import type { PageLoad } from './$types';

// the generated body, rendered once per regeneration; added here rather than in the server load so
// it is not serialized into the page on every request (csr = false: this runs on the server only)
export const load: PageLoad = ({ data }) => ({ ...data, bodyHtml: renderedLessonBody(data.lesson.id) ?? '' });
