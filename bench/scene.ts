// The benchmark scene shared by `npm run bench` and `npm run bench:compare`: a 2000 × 2000 µm
// tissue with 100 donor and 400 reader cells, whose donors release what the tissue degrades
// (half-life 6 h), so the packet count stays near the number injected at the start.

/** The scenario (as input to parseScenario) for a scene holding about `packets` packets. */
export function benchScenario(packets: number) {
  const balance = (packets * Math.LN2) / 6 / 100;
  return {
    id: 'bench',
    title: 'benchmark scene',
    dtSeconds: 10,
    vesiclesPerDot: 1,
    limits: { vesicleCapacity: 2_000_000, cellCapacity: 1000 },
    labels: { tag: { name: 'tag' } },
    receptors: { r: { name: 'receptor' } },
    affinity: { tag: { r: 0.5 } },
    vesicleTypes: { ev: { name: 'vesicles', labels: ['tag'] } },
    cellTypes: {
      donor: { name: 'donor', radius: 6, release: [{ vesicleType: 'ev', perHour: balance }] },
      reader: { name: 'reader', radius: 6, receptors: ['r'], maxBound: 1e6, internalisePerHour: 10 },
    },
    tissues: {
      tissue: {
        name: 'tissue',
        width: 2000,
        height: 2000,
        diffusion: 0.1,
        halfLifeHours: 6,
        cells: [
          { type: 'donor', count: 100 },
          { type: 'reader', count: 400 },
        ],
      },
    },
  };
}

/** The injection that fills the scene at the start. */
export function benchInjection(packets: number) {
  return { kind: 'inject', vesicleType: 'ev', packets, tissue: 'tissue', x: 1000, y: 1000, radius: 1000 } as const;
}
