// Rewrites a model might plausibly produce for one bullet of the crafted clean résumé: the bad
// ones each add one fact the résumé lacks and must be rejected; the good ones only restate it.
export const VERIFIER_BULLET = 'Responsible for building a shipment tracking API in Python used by 300 carriers';

export const inventedRewrites: readonly string[] = [
  'Built a shipment tracking API in Python used by 300 carriers at Amazon',
  'Built a shipment tracking API in Python used by 3,000 carriers',
  'Built a shipment tracking API in Python and Kubernetes used by 300 carriers',
  'As Staff Engineer, built a shipment tracking API in Python used by 300 carriers',
  'Built a shipment tracking API in Python used by 300 carriers in March 2019',
  'Built a shipment tracking API in Python used by 300 carriers, applying my PhD research',
  'Built a shipment tracking API in Python used by 300 carriers, cutting costs by 40%',
];

export const faithfulRewrites: readonly string[] = [
  'Built a shipment tracking API in Python used by 300 carriers',
  'Built a shipment tracking API in Python for 300 carriers, improving [metric] by [number]%',
  'Designed and built the Python shipment tracking API that 300 carriers use',
];
