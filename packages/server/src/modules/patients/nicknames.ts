// Common US given-name nicknames, used by patient matching ("Bill" registered at one clinic and "William"
// at another are the same child). Keys and values are normalised (lower case ASCII, see name-normalize.ts).
// A nickname may belong to several formal names (Alex → Alexander, Alexandra); a lookup works in both
// directions and also links two nicknames of the same formal name (Bill ↔ Will).

const FORMAL_TO_NICKNAMES: Record<string, readonly string[]> = {
  abigail: ['abby', 'gail'],
  abraham: ['abe', 'bram'],
  albert: ['al', 'bert', 'bertie'],
  alberto: ['beto'],
  alexander: ['alex', 'al', 'xander', 'sandy', 'alec', 'lex'],
  alexandra: ['alex', 'alexa', 'sandra', 'sandy', 'lexi', 'allie'],
  alfred: ['alf', 'al', 'fred', 'freddie'],
  alice: ['allie', 'ally'],
  alison: ['allie', 'ally'],
  andrew: ['andy', 'drew'],
  angela: ['angie'],
  anthony: ['tony'],
  antonio: ['tony', 'toño'],
  arthur: ['art', 'artie'],
  barbara: ['barb', 'barbie', 'babs'],
  benjamin: ['ben', 'benny', 'benji'],
  bernard: ['bernie'],
  beverly: ['bev'],
  bradley: ['brad'],
  calvin: ['cal'],
  catherine: ['cathy', 'cate', 'kate', 'katie', 'cat'],
  charles: ['charlie', 'chuck', 'chas', 'chaz'],
  charlotte: ['charlie', 'lottie', 'lotte'],
  christina: ['chris', 'tina', 'chrissy', 'christy'],
  christine: ['chris', 'tina', 'chrissy', 'christy'],
  christopher: ['chris', 'kit', 'topher'],
  clifford: ['cliff'],
  cynthia: ['cindy'],
  daniel: ['dan', 'danny'],
  danielle: ['dani'],
  david: ['dave', 'davey'],
  deborah: ['deb', 'debbie', 'debby'],
  dennis: ['denny'],
  donald: ['don', 'donnie'],
  dorothy: ['dot', 'dottie', 'dolly'],
  douglas: ['doug'],
  edward: ['ed', 'eddie', 'ned', 'ted', 'teddy'],
  eduardo: ['lalo', 'eddie'],
  eleanor: ['ellie', 'nell', 'nora'],
  elizabeth: ['liz', 'lizzie', 'beth', 'betsy', 'betty', 'eliza', 'libby', 'lisa', 'elsie', 'bess'],
  emily: ['em', 'emmy'],
  eugene: ['gene'],
  frances: ['fran', 'frannie'],
  francis: ['frank', 'fran'],
  francisco: ['paco', 'pancho', 'frank', 'cisco'],
  frederick: ['fred', 'freddie', 'fritz'],
  gabriel: ['gabe'],
  gabriela: ['gaby', 'gabby'],
  gerald: ['gerry', 'jerry'],
  gregory: ['greg'],
  guadalupe: ['lupe', 'lupita'],
  guillermo: ['memo', 'willy'],
  harold: ['hal', 'harry'],
  henry: ['hank', 'harry', 'hal'],
  herbert: ['herb', 'bert'],
  ignacio: ['nacho'],
  isabella: ['bella', 'izzy', 'isa'],
  isabel: ['bella', 'izzy', 'isa', 'belle'],
  jacob: ['jake', 'jack'],
  jacqueline: ['jackie'],
  james: ['jim', 'jimmy', 'jamie', 'jimbo'],
  janet: ['jan'],
  jeffrey: ['jeff'],
  jennifer: ['jen', 'jenny', 'jenn'],
  jessica: ['jess', 'jessie'],
  jesus: ['chuy'],
  john: ['jack', 'johnny', 'jon'],
  jonathan: ['jon', 'jonny', 'nate'],
  jose: ['pepe', 'joe'],
  joseph: ['joe', 'joey', 'jos'],
  josephine: ['jo', 'josie'],
  joshua: ['josh'],
  judith: ['judy', 'jude'],
  katherine: ['kate', 'katie', 'kathy', 'kat', 'kit', 'kay', 'kitty'],
  kathleen: ['kathy', 'kate', 'katie'],
  kenneth: ['ken', 'kenny'],
  kimberly: ['kim'],
  lawrence: ['larry'],
  leonard: ['len', 'lenny', 'leo'],
  leslie: ['les'],
  louis: ['lou'],
  louise: ['lou'],
  margaret: ['maggie', 'meg', 'peggy', 'marge', 'margie', 'greta', 'daisy', 'megan'],
  matthew: ['matt', 'matty'],
  michael: ['mike', 'mikey', 'mick', 'mickey'],
  michelle: ['shelly', 'mickey'],
  mitchell: ['mitch'],
  nathan: ['nate'],
  nathaniel: ['nate', 'nat', 'nathan'],
  nicholas: ['nick', 'nicky', 'cole'],
  nicole: ['nikki', 'nicky'],
  olivia: ['liv', 'livvy'],
  pamela: ['pam'],
  patricia: ['pat', 'patty', 'patsy', 'trish', 'tricia'],
  patrick: ['pat', 'paddy'],
  peter: ['pete'],
  philip: ['phil'],
  phillip: ['phil'],
  rebecca: ['becky', 'becca'],
  raymond: ['ray'],
  richard: ['rick', 'ricky', 'dick', 'rich', 'richie'],
  robert: ['bob', 'bobby', 'rob', 'robbie', 'bert'],
  roberto: ['beto'],
  ronald: ['ron', 'ronnie'],
  samantha: ['sam', 'sammy'],
  samuel: ['sam', 'sammy'],
  sarah: ['sally', 'sadie'],
  stephanie: ['steph', 'stephie'],
  stephen: ['steve', 'stevie'],
  steven: ['steve', 'stevie'],
  susan: ['sue', 'susie', 'suzy'],
  suzanne: ['sue', 'susie', 'suzy'],
  terence: ['terry'],
  theodore: ['ted', 'teddy', 'theo'],
  thomas: ['tom', 'tommy'],
  timothy: ['tim', 'timmy'],
  valerie: ['val'],
  victoria: ['vicky', 'tori', 'vicki'],
  vincent: ['vince', 'vinny'],
  virginia: ['ginny', 'ginger'],
  walter: ['walt', 'wally'],
  william: ['bill', 'billy', 'will', 'willie', 'liam', 'willy'],
  zachary: ['zach', 'zack'],
};

/** Name → every name in the same nickname group (both directions), excluding itself. */
const RELATED = new Map<string, Set<string>>();

function link(a: string, b: string): void {
  if (a === b) return;
  let set = RELATED.get(a);
  if (!set) RELATED.set(a, (set = new Set()));
  set.add(b);
}

for (const [formal, nicks] of Object.entries(FORMAL_TO_NICKNAMES)) {
  for (const raw of nicks) {
    // Keys in the table are already ASCII except a few Spanish ones; fold them the same way names are.
    const nick = raw.normalize('NFD').replace(/\p{M}/gu, '');
    link(formal, nick);
    link(nick, formal);
    for (const other of nicks) {
      const o = other.normalize('NFD').replace(/\p{M}/gu, '');
      link(nick, o);
    }
  }
}

/** Number of (formal, nickname) pairs in the table. */
export const NICKNAME_PAIR_COUNT = Object.values(FORMAL_TO_NICKNAMES).reduce((n, v) => n + v.length, 0);

/** Nicknames of a formal name, for the generator (which writes "Bill" where a clinic would). */
export function nicknamesOf(formal: string): readonly string[] {
  return FORMAL_TO_NICKNAMES[formal] ?? [];
}

/**
 * true when two normalised given names are linked through the table: formal ↔ nickname, or two
 * nicknames of the same formal name. Identical names are not "nicknames" (the caller scores them as exact).
 */
export function areNicknames(a: string, b: string): boolean {
  if (a === b) return false;
  return RELATED.get(a)?.has(b) ?? false;
}

/** Every name linked to `name` through the table (formal names and nicknames), excluding itself. */
export function relatedNames(name: string): readonly string[] {
  return [...(RELATED.get(name) ?? [])];
}
