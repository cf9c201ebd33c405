// The command line's files for a person (--out) are private files (../files/privateFile.ts).
export * from '../files/privateFile.ts';
