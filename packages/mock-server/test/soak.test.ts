// The stand-in's dataset at scale, apart from the smaller suites that mutation testing reruns for
// every mutant.
import { connectionsListingAResourceTwice } from './dataset-checks';

test('no connection of 20 000 seeded with 3 lists a queue or pool twice', () => {
  expect(connectionsListingAResourceTwice(20_000, 3)).toEqual([]);
});
