import { enhance } from './suggest.ts';

// Every search form on the page that asks for it: the masthead's and the search page's.
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-suggest]')) enhance(form);
