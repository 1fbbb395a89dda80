/**
 * The one rule for links, shared with the server and the renderer so they can never disagree.
 */
export { isSafeHref } from '../../modules/articles/links.ts';
