// Reference tables for the synthetic population: names by heritage, Connecticut towns with their real ZIP
// codes and counties, streets. Only common public names; no real person is described.

export interface Heritage {
  /** Share of households, in percent. */
  share: number;
  race: string;
  ethnicity: string;
  /** Language codes with cumulative thresholds over 100: [['es', 55], ['en', 100]]. */
  languages: Array<[string, number]>;
  male: readonly string[];
  female: readonly string[];
  last: readonly string[];
  /** Middle names given by custom (Vietnamese Văn/Thị), if any. */
  middleMale?: readonly string[];
  middleFemale?: readonly string[];
  /** Percent of married couples that form a hyphenated household surname. */
  hyphenate: number;
}

const ANGLO_MALE = [
  'Liam', 'Noah', 'Oliver', 'James', 'William', 'Benjamin', 'Lucas', 'Henry', 'Theodore', 'Jack', 'Michael',
  'Daniel', 'Matthew', 'Ryan', 'Christopher', 'John', 'Robert', 'David', 'Joseph', 'Thomas', 'Charles',
  'Andrew', 'Owen', 'Samuel', 'Nicholas', 'Anthony', 'Patrick', 'Kevin', 'Brian', 'Timothy', 'Richard',
  'Steven', 'Edward', 'Peter', 'Jacob', 'Ethan', 'Logan', 'Aiden', 'Connor', 'Dylan', 'Gabriel', 'Caleb',
  'Nathan', 'Zachary', 'Alexander', 'Jonathan', 'Gregory', 'Kenneth', 'Frank', 'Raymond', 'Walter',
];
const ANGLO_FEMALE = [
  'Olivia', 'Emma', 'Charlotte', 'Amelia', 'Sophia', 'Mia', 'Isabella', 'Ava', 'Evelyn', 'Harper', 'Zoë',
  'Chloé', 'Emily', 'Elizabeth', 'Margaret', 'Katherine', 'Sarah', 'Jennifer', 'Jessica', 'Ashley', 'Mary',
  'Patricia', 'Linda', 'Barbara', 'Susan', 'Karen', 'Nancy', 'Lisa', 'Michelle', 'Amanda', 'Stephanie',
  'Rebecca', 'Laura', 'Abigail', 'Madison', 'Grace', 'Lily', 'Hannah', 'Natalie', 'Victoria', 'Allison',
  'Caroline', 'Julia', 'Anna', 'Nora', 'Eleanor', 'Claire', 'Samantha', 'Kathleen', 'Christine', 'Deborah',
];
const ANGLO_LAST = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas',
  'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Young', 'Allen',
  'King', 'Wright', 'Scott', 'Hill', 'Green', 'Adams', 'Baker', 'Nelson', 'Carter', 'Mitchell', 'Roberts',
  'Murphy', "O'Brien", "O'Connor", 'Sullivan', 'Kelly', 'McCarthy', 'Ryan', 'Russo', 'Esposito', 'Romano',
  'Rossi', 'DeLuca', 'Kowalski', 'Nowak', 'Wiśniewski', 'Müller', 'Schmidt', 'Schneider', 'Fischer',
  'Weber', 'Becker', 'Mc Donald', 'Fitzgerald', 'Gallagher', 'Brennan', 'Caruso', 'Lombardi', 'Marino',
  'Kozłowski', 'Lévesque', 'Gagnon', 'Côté', 'Bouchard', 'Petersen', 'Ó Súilleabháin', 'St. John',
];

export const HERITAGES: readonly Heritage[] = [
  {
    share: 60,
    race: '2106-3',
    ethnicity: '2186-5',
    languages: [['en', 97], ['pl', 98], ['pt', 99], ['it', 100]],
    male: ANGLO_MALE,
    female: ANGLO_FEMALE,
    last: ANGLO_LAST,
    hyphenate: 3,
  },
  {
    share: 18,
    race: '2106-3',
    ethnicity: '2135-2',
    languages: [['es', 45], ['en', 100]],
    male: [
      'José', 'Luis', 'Carlos', 'Juan', 'Jesús', 'Miguel', 'Ángel', 'Mateo', 'Santiago', 'Sebastián', 'Diego',
      'Alejandro', 'Javier', 'Francisco', 'Eduardo', 'Antonio', 'Guillermo', 'Ignacio', 'Rafael', 'Héctor',
      'Jayden', 'Adrián', 'Emiliano', 'Joel', 'Julián',
    ],
    female: [
      'María', 'Sofía', 'Camila', 'Valentina', 'Isabella', 'Guadalupe', 'Ana', 'Lucía', 'Gabriela', 'Daniela',
      'Mariana', 'Ximena', 'Natalia', 'Alejandra', 'Yesenia', 'Jazmín', 'Marisol', 'Araceli', 'Inés', 'Rocío',
    ],
    last: [
      'Rivera', 'Rodríguez', 'García', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez',
      'Ramírez', 'Torres', 'Cruz', 'Ortiz', 'Morales', 'Reyes', 'Gómez', 'Díaz', 'Vázquez', 'Colón', 'Santiago',
      'Figueroa', 'Rosario', 'Meléndez', 'De La Cruz', 'Del Valle', 'Nuñez', 'Peña', 'Ibáñez',
    ],
    hyphenate: 25,
  },
  {
    share: 11,
    race: '2054-5',
    ethnicity: '2186-5',
    languages: [['en', 92], ['ht', 96], ['fr', 100]],
    male: [
      'Jayden', 'Jaylen', 'Malik', 'Isaiah', 'Elijah', 'Darnell', 'Marcus', 'Andre', 'Tyrone', 'Jamal',
      'Kevin', 'Christopher', 'Michael', 'Jean', 'Emmanuel', 'Kwame', 'Terrence', 'Dwayne',
    ],
    female: [
      'Aaliyah', 'Imani', 'Nia', 'Jasmine', 'Destiny', 'Kayla', 'Brianna', 'Tiana', 'Ebony', 'Monique',
      'Simone', 'Naomi', 'Gabrielle', 'Ayanna', 'Chloé', 'Fabiola',
    ],
    last: [
      'Washington', 'Jefferson', 'Jackson', 'Williams', 'Brown', 'Johnson', 'Robinson', 'Harris', 'Thomas',
      'Pierre', 'Joseph', 'Jean-Baptiste', 'Louis', 'Charles', 'Baptiste', 'Mensah', 'Okafor', 'Edwards',
    ],
    hyphenate: 4,
  },
  {
    share: 3,
    race: '2028-9',
    ethnicity: '2186-5',
    languages: [['vi', 55], ['en', 100]],
    male: ['Minh', 'Huy', 'Tuấn', 'Khánh', 'Đức', 'Quang', 'Bảo', 'Long', 'Hùng', 'Nam'],
    female: ['Ánh', 'Linh', 'Thảo', 'Trang', 'Ngọc', 'Hương', 'Mai', 'Lan', 'Phương', 'Hà'],
    last: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Võ', 'Đặng', 'Bùi', 'Đỗ'],
    middleMale: ['Văn', 'Đức', 'Minh'],
    middleFemale: ['Thị', 'Ngọc', 'Thu'],
    hyphenate: 0,
  },
  {
    share: 5,
    race: '2028-9',
    ethnicity: '2186-5',
    languages: [['en', 60], ['zh', 75], ['hi', 85], ['gu', 92], ['ko', 100]],
    male: ['Wei', 'Jun', 'Hao', 'Arjun', 'Rohan', 'Aarav', 'Vihaan', 'Min-jun', 'Ji-ho', 'Kenji', 'Ravi'],
    female: ['Mei', 'Xin', 'Yan', 'Priya', 'Ananya', 'Diya', 'Aanya', 'Seo-yeon', 'Ji-woo', 'Yuki', 'Aisha'],
    last: ['Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Patel', 'Shah', 'Singh', 'Kumar', 'Kim', 'Park', 'Lee', 'Tanaka'],
    hyphenate: 1,
  },
  {
    share: 3,
    race: '2131-1',
    ethnicity: '2186-5',
    languages: [['pt', 50], ['en', 100]],
    male: ['João', 'Tiago', 'Gonçalo', 'Rodrigo', 'André', 'Rui', 'Paulo', 'Lucas'],
    female: ['Inês', 'Beatriz', 'Leonor', 'Mariana', 'Conceição', 'Joana', 'Júlia', 'Ana'],
    last: ['Silva', 'Santos', 'Ferreira', 'Costa', 'Gonçalves', 'Pereira', 'Oliveira', 'Sousa', 'Magalhães'],
    hyphenate: 10,
  },
];

/** Town, county, real ZIP codes and a weight roughly proportional to population (thousands). */
export interface Town {
  city: string;
  county: string;
  zips: readonly string[];
  weight: number;
}

export const CT_TOWNS: readonly Town[] = [
  { city: 'Bridgeport', county: 'Fairfield', zips: ['06604', '06605', '06606', '06607', '06608', '06610'], weight: 148 },
  { city: 'Stamford', county: 'Fairfield', zips: ['06901', '06902', '06905', '06906', '06907'], weight: 136 },
  { city: 'New Haven', county: 'New Haven', zips: ['06510', '06511', '06513', '06515', '06519'], weight: 135 },
  { city: 'Hartford', county: 'Hartford', zips: ['06103', '06105', '06106', '06112', '06114', '06120'], weight: 121 },
  { city: 'Waterbury', county: 'New Haven', zips: ['06702', '06704', '06705', '06706', '06708', '06710'], weight: 114 },
  { city: 'Norwalk', county: 'Fairfield', zips: ['06850', '06851', '06854', '06855'], weight: 91 },
  { city: 'Danbury', county: 'Fairfield', zips: ['06810', '06811'], weight: 87 },
  { city: 'New Britain', county: 'Hartford', zips: ['06051', '06052', '06053'], weight: 74 },
  { city: 'West Hartford', county: 'Hartford', zips: ['06107', '06110', '06117', '06119'], weight: 64 },
  { city: 'Greenwich', county: 'Fairfield', zips: ['06830', '06831'], weight: 63 },
  { city: 'Fairfield', county: 'Fairfield', zips: ['06824', '06825'], weight: 62 },
  { city: 'Hamden', county: 'New Haven', zips: ['06514', '06517', '06518'], weight: 61 },
  { city: 'Bristol', county: 'Hartford', zips: ['06010'], weight: 61 },
  { city: 'Meriden', county: 'New Haven', zips: ['06450', '06451'], weight: 60 },
  { city: 'Manchester', county: 'Hartford', zips: ['06040'], weight: 59 },
  { city: 'West Haven', county: 'New Haven', zips: ['06516'], weight: 55 },
  { city: 'Milford', county: 'New Haven', zips: ['06460', '06461'], weight: 52 },
  { city: 'Stratford', county: 'Fairfield', zips: ['06614', '06615'], weight: 52 },
  { city: 'East Hartford', county: 'Hartford', zips: ['06108', '06118'], weight: 51 },
  { city: 'Middletown', county: 'Middlesex', zips: ['06457'], weight: 47 },
  { city: 'Wallingford', county: 'New Haven', zips: ['06492'], weight: 45 },
  { city: 'Enfield', county: 'Hartford', zips: ['06082'], weight: 42 },
  { city: 'Norwich', county: 'New London', zips: ['06360'], weight: 40 },
  { city: 'Shelton', county: 'Fairfield', zips: ['06484'], weight: 41 },
  { city: 'Trumbull', county: 'Fairfield', zips: ['06611'], weight: 37 },
  { city: 'Torrington', county: 'Litchfield', zips: ['06790'], weight: 35 },
  { city: 'Glastonbury', county: 'Hartford', zips: ['06033'], weight: 35 },
  { city: 'Naugatuck', county: 'New Haven', zips: ['06770'], weight: 32 },
  { city: 'Vernon', county: 'Tolland', zips: ['06066'], weight: 30 },
  { city: 'New London', county: 'New London', zips: ['06320'], weight: 28 },
  { city: 'Groton', county: 'New London', zips: ['06340'], weight: 38 },
  { city: 'Windham', county: 'Windham', zips: ['06226'], weight: 25 },
  { city: 'Mansfield', county: 'Tolland', zips: ['06268'], weight: 25 },
  { city: 'Newington', county: 'Hartford', zips: ['06111'], weight: 30 },
  { city: 'Wethersfield', county: 'Hartford', zips: ['06109'], weight: 27 },
  { city: 'Simsbury', county: 'Hartford', zips: ['06070'], weight: 24 },
];

export const STREETS = [
  'Main St', 'Elm St', 'Maple Ave', 'Oak St', 'Park St', 'Washington St', 'Church St', 'Prospect St',
  'Franklin Ave', 'Farmington Ave', 'Whitney Ave', 'Chapel St', 'Boston Post Rd', 'Albany Ave',
  'Wethersfield Ave', 'Asylum Ave', 'Broad St', 'High St', 'Pearl St', 'Center St', 'Spring St', 'Chestnut St',
  'Summer St', 'Grove St', 'Hillside Ave', 'Laurel St', 'Lincoln Ave', 'Mill St', 'Pleasant St', 'Ridge Rd',
  'River Rd', 'School St', 'Union St', 'Walnut St', 'Windsor Ave', 'Quinnipiac Ave', 'State St', 'Whalley Ave',
  'Fairfield Ave', 'Stillwater Ave', 'Silas Deane Hwy', 'Berlin Tpke', 'Colony St', 'Dixwell Ave',
  'Park Terrace', 'Cedar Ln', 'Birch Dr', 'Hemlock Ct', 'Orchard Hill Rd', 'Meadow Brook Ln',
];

export const CT_AREA_CODES = ['860', '203', '475', '959'];

/** Clinician names used as administered-by / ordering provider. */
export const CLINICIANS = [
  'Dr. Susan Park', 'Dr. Rafael Ortiz', 'Dr. Emily Chen', 'Dr. Michael Kowalski', 'Anne Murphy, RN',
  'Dr. Kwame Mensah', 'Linh Tran, APRN', 'Joseph DeLuca, PA-C', 'Dr. Priya Shah', 'Maria Rivera, LPN',
];
