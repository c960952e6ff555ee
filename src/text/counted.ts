// "1 check", "2 checks", "1,234 records": every count the kit prints goes through here, so a singular
// is never "1 errors".
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}
