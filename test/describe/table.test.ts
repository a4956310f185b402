import { renderTable } from '../../src/describe/table';

describe('renderTable', () => {
  it('pads each column to its widest cell plus three spaces, with no trailing spaces', () => {
    expect(renderTable(['NAME', 'TYPE', 'PORT(S)'], [['foo-service', 'NodePort', '80:30007/TCP'], ['a', 'ClusterIP', '']])).toBe(
      'NAME          TYPE        PORT(S)\n' +
      'foo-service   NodePort    80:30007/TCP\n' +
      'a             ClusterIP\n',
    );
  });

  it('keeps each row on one line when a cell holds control characters', () => {
    expect(renderTable(['A', 'B'], [['x\ny', 'tab\there']])).toBe('A      B\nx\\ny   tab\\there\n');
  });
});
