/** A grouped bar chart as SVG (no external service): per size and operation, provider beside floor, in seconds. */
export interface Bar {
  readonly label: string;
  readonly provider: number;
  readonly floor: number;
}

export function barChart(title: string, bars: readonly Bar[]): string {
  const width = 80 + bars.length * 90;
  const height = 300;
  const top = Math.max(1, ...bars.flatMap((bar) => [bar.provider, bar.floor]));
  const y = (seconds: number) => 250 - (seconds / top) * 200;
  const rects = bars
    .map((bar, i) => {
      const x = 60 + i * 90;
      return [
        `<rect x="${x}" y="${y(bar.provider).toFixed(1)}" width="30" height="${(250 - y(bar.provider)).toFixed(1)}" fill="#3b6ea5"/>`,
        `<rect x="${x + 32}" y="${y(bar.floor).toFixed(1)}" width="30" height="${(250 - y(bar.floor)).toFixed(1)}" fill="#b0b0b0"/>`,
        `<text x="${x + 31}" y="268" font-size="10" text-anchor="middle">${bar.label}</text>`,
        `<text x="${x + 31}" y="${(y(Math.max(bar.provider, bar.floor)) - 4).toFixed(1)}" font-size="10" text-anchor="middle">${(bar.provider / bar.floor).toFixed(2)}x</text>`,
      ].join("");
    })
    .join("\n");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<text x="10" y="20" font-size="14">${title}</text>
<text x="10" y="290" font-size="10"><tspan fill="#3b6ea5">■ provider</tspan>  <tspan fill="#808080">■ floor (bare dynamic provider)</tspan>  seconds; label: ratio</text>
<line x1="55" y1="250" x2="${width - 10}" y2="250" stroke="#000"/>
${rects}
</svg>
`;
}
