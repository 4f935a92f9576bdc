import { searchedValue } from './search-display';

describe('searchedValue', () => {
  it('writes a current GB registration with its space, from any way it was typed', () => {
    expect(searchedValue('vehicle.registration', 'ab12cde', 'AB12CDE')).toBe('AB12 CDE');
    expect(searchedValue('trailer.registration', 'ab 12 cde', 'AB12CDE')).toBe('AB12 CDE');
  });

  it('leaves other registrations as compared, and a postcode with its inward code apart', () => {
    expect(searchedValue('vehicle.registration', 'abc123d', 'ABC123D')).toBe('ABC123D');
    expect(searchedValue('address.postcode', 'ct161ja', 'CT161JA')).toBe('CT16 1JA');
  });

  it("keeps the officer's words for names", () => {
    expect(searchedValue('person.familyName', '  Smith ', 'smith')).toBe('Smith');
  });
});
