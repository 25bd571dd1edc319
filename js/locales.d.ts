/** A locale there are messages in: its code and its own name ("Deutsch"). */
export interface LocaleInfo {
  code: string;
  name: string;
}

/** Every locale there are messages in, English first. */
export const available: LocaleInfo[];

/**
 * Loads the messages of `locale` ("de", "de-DE", "DE" alike) after `init()`;
 * resolves to the locale a `new Checker({ locale })` then writes in ("en"
 * for a locale there are no messages in).
 */
export function loadLocale(locale: string): Promise<string>;
