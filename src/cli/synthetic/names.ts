import type { Random } from './random';

// The made-up people, teams and evidence the synthetic organisation is written with.

const firstNames = [
	'Ada',
	'Ben',
	'Chen',
	'Dara',
	'Eli',
	'Fatima',
	'Gus',
	'Hana',
	'Ivan',
	'Jade',
	'Kofi',
	'Lina',
	'Mateo',
	'Nora',
	'Omar',
	'Pia',
	'Quinn',
	'Rosa',
	'Sven',
	'Tara',
	'Umar',
	'Vera',
	'Wei',
	'Ximena',
	'Yusuf',
	'Zoe'
];
const lastNames = [
	'Adams',
	'Berg',
	'Costa',
	'Dubois',
	'Eze',
	'Fischer',
	'Garcia',
	'Haddad',
	'Ito',
	'Jensen',
	'Kaur',
	'Lopez',
	'Moreau',
	'Nakamura',
	'Okafor',
	'Petrov',
	'Quist',
	'Rossi',
	'Silva',
	'Tanaka',
	'Ueda',
	'Varga',
	'Wong',
	'Xu',
	'Yilmaz',
	'Zimmer'
];
export const teams = [
	'Payments',
	'Platform',
	'Search',
	'Mobile',
	'Data',
	'Growth',
	'Security',
	'Infrastructure',
	'Billing',
	'Identity'
];
export const evidence = {
	1: 'Could not get started without heavy prompting.',
	2: 'Got part of the way with hints; missed cases we discussed.',
	3: 'Complete answer with clear reasoning; handled follow-ups.',
	4: 'Anticipated follow-ups and explained trade-offs unprompted.'
} as const;

export function personName(random: Random): string {
	return `${random.pick(firstNames)} ${random.pick(lastNames)}`;
}
