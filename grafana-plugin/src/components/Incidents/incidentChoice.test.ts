import { incidentChoice } from './incidentChoice';

describe('incidentChoice', () => {
  test('is the latest open incident unless the options name one', () => {
    expect(incidentChoice({})).toEqual({ kind: 'latest' });
    expect(incidentChoice({ incident: 'latest', incidentId: '7' })).toEqual({ kind: 'latest' });
  });

  test('takes the named id with dashboard variables applied and spaces trimmed', () => {
    const vars = (value: string) => value.replace('$incident', '42');
    expect(incidentChoice({ incident: 'id', incidentId: ' $incident ' }, vars)).toEqual({ kind: 'id', id: '42' });
  });

  test('explains an id that is missing or cannot be one', () => {
    expect(incidentChoice({ incident: 'id', incidentId: '  ' })).toMatchObject({
      kind: 'invalid',
      reason: expect.stringMatching(/Name an incident id/),
    });
    expect(incidentChoice({ incident: 'id', incidentId: 'a b' })).toMatchObject({ kind: 'invalid' });
    expect(incidentChoice({ incident: 'id', incidentId: 'x'.repeat(41) })).toMatchObject({
      kind: 'invalid',
      reason: expect.stringMatching(/1–40 characters/),
    });
  });
});
