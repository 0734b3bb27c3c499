/** An OData string literal: single quotes doubled, so a value can never end the literal early. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Joins filter clauses with `and`, leaving out the empty ones. */
export function allOf(...clauses: (string | false | undefined | null)[]): string | undefined {
  const present = clauses.filter((clause): clause is string => Boolean(clause));
  return present.length > 0 ? present.join(' and ') : undefined;
}
