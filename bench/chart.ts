// A small SVG bar chart of requests per second, per scenario, for kit / Prism / ceiling.

export interface ChartRow {
  scenario: string;
  kit: number;
  prism: number;
  ceiling: number;
}

const colours = { kit: '#2f7d4a', prism: '#b5651d', ceiling: '#8894a3' } as const;
const escape = (text: string) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);

export function barChart(rows: ChartRow[], subtitle: string): string {
  const width = 900;
  const left = 220;
  const barHeight = 16;
  const groupHeight = barHeight * 3 + 22;
  const top = 60;
  const height = top + rows.length * groupHeight + 30;
  const max = Math.max(...rows.flatMap((r) => [r.kit, r.prism, r.ceiling]), 1);
  // Room on the right for the longest value label ("25,547 node:http ceiling").
  const scale = (value: number) => ((width - left - 200) * value) / max;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="20" y="24" font-size="15" font-weight="bold">Requests per second (higher is better)</text>`,
    `<text x="20" y="42" fill="#555">${escape(subtitle)}</text>`,
  ];
  rows.forEach((row, index) => {
    const y = top + index * groupHeight;
    parts.push(`<text x="20" y="${y + barHeight * 1.5 + 4}" font-weight="bold">${escape(row.scenario)}</text>`);
    (['kit', 'prism', 'ceiling'] as const).forEach((key, bar) => {
      const by = y + bar * barHeight;
      const value = row[key];
      parts.push(`<rect x="${left}" y="${by}" width="${scale(value).toFixed(1)}" height="${barHeight - 3}" fill="${colours[key]}"/>`);
      parts.push(`<text x="${left + scale(value) + 6}" y="${by + barHeight - 5}">${Math.round(value).toLocaleString('en-US')} ${key === 'kit' ? 'ude-kit' : key === 'prism' ? 'Prism' : 'node:http ceiling'}</text>`);
    });
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
