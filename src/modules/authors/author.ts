export interface Author {
  id: number;
  slug: string;
  name: string;
  jobTitle: string;
  bio: string;
  portraitMediaId: number | null;
}

export interface NewAuthor {
  slug: string;
  name: string;
  jobTitle?: string;
  bio?: string;
  portraitMediaId?: number | null;
}
