/**
 * The Depot Upgrade plan of fixtures/depot.xer and fixtures/depot.xml, as scenario documents,
 * written by hand from the fixtures (durations: hours / 8; lags: hours / 8).
 */
const standard = {
  name: 'Standard',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  hours: ['08:00-12:00', '13:00-17:00'],
  holidays: ['2027-01-25', { from: '2027-02-01', to: '2027-02-03' }],
  exceptions: [{ from: '2027-01-30', to: '2027-01-30', hours: ['09:00-13:00'] }],
};
const sixDayWeek = {
  mon: ['07:00-11:00', '11:30-15:30'],
  tue: ['07:00-11:00', '11:30-15:30'],
  wed: ['07:00-11:00', '11:30-15:30'],
  thu: ['07:00-11:00', '11:30-15:30'],
  fri: ['07:00-11:00', '11:30-15:30'],
  sat: ['07:00-11:00'],
  sun: [],
};

export const depotXerScenario = {
  name: 'Depot Upgrade',
  time_unit: 'day',
  start: '2027-01-04',
  calendar: 'Standard',
  calendars: {
    Standard: standard,
    'Six-Day': { name: 'Six Day', week: sixDayWeek, holidays: ['2027-01-22'] },
  },
  status_date: '2027-01-18',
  agents: [
    { id: 'R1', name: 'Surveyor', source_id: 'R1', calendar: 'Six-Day', capacity: 'unlimited' },
    { id: 'ENG', name: 'Engineer', source_id: 'ENG', capacity: 'unlimited' },
  ],
  tasks: [
    { id: 'A1000', name: 'Survey site', source_id: 'A1000', wbs: 'Design', duration: 3, agent: 'R1' },
    { id: 'A1010', name: 'Design layout', source_id: 'A1010', wbs: 'Design', duration: 5, agents: ['R1', 'ENG'], after: ['A1000'] },
    // SS +1 day from A1010, which started 2027-01-07 08:00: a fixed moment, one working day (8 h) later.
    { id: 'A1020', name: 'Order "long-lead" parts', source_id: 'A1020', wbs: 'Procurement', duration: 2, needs: [{ agent: 'ENG', units: 0.5 }], not_before: '2027-01-08' },
    // 40 h on its own Six Day calendar, whose working day is 44 h / 6 = 7.333 h: 5.454545 of its days.
    { id: 'DLV-1', name: 'Deliver parts', source_id: 'DLV 1', wbs: 'Procurement', duration: 5.454545, after: [{ task: 'A1020', lag: -0.5 }], calendar: 'Six-Day', not_before: '2027-01-21' },
    { id: 'A1040', name: 'Install & wire — bay 1', source_id: 'A1040', wbs: 'Site works / Installation', duration: 4, agent: 'ENG', after: ['DLV-1', { task: 'A1010', type: 'FF', lag: 2 }] },
    { id: 'A1050', name: 'Train operators', source_id: 'A1050', wbs: 'Site works', duration: 2, after: ['A1020', { task: 'A1040', type: 'SF', lag: 1 }], deadline: '2027-02-12' },
    { id: 'A1060', name: 'Handover', source_id: 'A1060', wbs: 'Site works', after: ['A1050', 'A1040'], milestone: true },
  ],
  progress: {
    A1000: { actual_start: '2027-01-04T08:00', actual_finish: '2027-01-06T17:00' },
    A1010: { actual_start: '2027-01-07T08:00', remaining: 2 },
  },
};

export const depotMspdiScenario = {
  name: 'Depot Upgrade',
  time_unit: 'day',
  start: '2027-01-04',
  calendar: 'Standard',
  calendars: {
    Standard: standard,
    'Six-Day': { name: 'Six Day', week: sixDayWeek, holidays: ['2027-01-22'] },
    // The Surveyor's resource calendar inherits everything from Six Day.
    Surveyor: { name: 'Surveyor', week: sixDayWeek, holidays: ['2027-01-22'] },
  },
  status_date: '2027-01-18',
  agents: [
    { id: 'Surveyor', name: 'Surveyor', source_id: '1', calendar: 'Surveyor', capacity: 'unlimited' },
    { id: 'Engineer', name: 'Engineer', source_id: '2', capacity: 'unlimited' },
  ],
  tasks: [
    { id: '1', name: 'Survey site', source_id: '1', wbs: 'Design', duration: 3, agent: 'Surveyor' },
    { id: '2', name: 'Design layout', source_id: '2', wbs: 'Design', duration: 5, agents: ['Surveyor', 'Engineer'], after: ['1'] },
    // SS +1 day from task 2, which started 2027-01-07 08:00: a fixed moment, one working day (8 h) later.
    { id: '3', name: 'Order "long-lead" parts', source_id: '3', wbs: 'Procurement', duration: 2, needs: [{ agent: 'Engineer', units: 0.5 }], not_before: '2027-01-08' },
    // 32, 40, 64 h on its own Six Day calendar (a working day of 44 h / 6): days of that calendar.
    { id: '4', name: 'Deliver parts', source_id: '4', wbs: 'Procurement', duration: { pert: [4.363636, 5.454545, 8.727273] }, after: [{ task: '3', lag: -0.5 }], calendar: 'Six-Day', not_before: '2027-01-21' },
    { id: '5', name: 'Install & wire — bay 1', source_id: '5', wbs: 'Site works / Installation', duration: 4, agent: 'Engineer', after: ['4', { task: '2', type: 'FF', lag: 2 }] },
    { id: '6', name: 'Train operators', source_id: '6', wbs: 'Site works', duration: 2, after: ['3', { task: '5', type: 'SF', lag: 1 }], deadline: '2027-02-12' },
    { id: '7', name: 'Handover', source_id: '7', wbs: 'Site works', after: ['6', '5'], milestone: true },
  ],
  progress: {
    '1': { actual_start: '2027-01-04T08:00', actual_finish: '2027-01-06T17:00' },
    '2': { actual_start: '2027-01-07T08:00', remaining: 2 },
  },
};

/** The early dates both fixtures store, in plan order (hand-scheduled on the two calendars). */
export const depotDates = [
  { start: '2027-01-04T08:00', finish: '2027-01-06T17:00' },
  { start: '2027-01-07T08:00', finish: '2027-01-19T17:00' },
  { start: '2027-01-18T08:00', finish: '2027-01-19T17:00' },
  { start: '2027-01-21T07:00', finish: '2027-01-28T11:00' },
  { start: '2027-01-28T11:00', finish: '2027-02-05T16:00' },
  { start: '2027-01-27T11:00', finish: '2027-01-29T11:00' },
  { start: '2027-02-05T16:00', finish: '2027-02-05T16:00' },
];
