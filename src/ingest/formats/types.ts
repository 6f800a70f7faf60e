/** What a format reader returns: the article's text and whatever metadata the source carried. */
export interface ArticleDraft {
  /** Text with one paragraph (or heading, list item, caption) a line. */
  text: string;
  title?: string;
  /** As found in the source; normalised to ISO later. */
  date?: string;
  url?: string;
  source?: string;
}

/** The input formats ingest reads. */
export type Format = 'text' | 'markdown' | 'html' | 'json' | 'jsonl';
