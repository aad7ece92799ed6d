/** A parameterised statement, ready for `DataSource.query(text, values)`. */
export interface SqlQuery {
  text: string;
  values: unknown[];
}

/** Collects bind values and hands out their placeholders ($1, $2, …) in order. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return `$${this.values.length}${cast ? `::${cast}` : ''}`;
  }
}
