export async function seedDemoData(..._args: unknown[]): Promise<Record<string, number>> { throw new Error('demo seed pending'); }
