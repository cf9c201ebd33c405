// The command line's files for a person (--out) are private files (../files/privateFile.ts).
export * from '../../db/files/privateFile.ts';
