// ISO 3166-1 countries (alpha-2, alpha-3, English name): what a region may name. Medusa keeps
// this table in its database; here a country row is made the first time a region takes it.
const TABLE = [
  "af:afg:Afghanistan", "al:alb:Albania", "dz:dza:Algeria", "as:asm:American Samoa", "ad:and:Andorra",
  "ao:ago:Angola", "ai:aia:Anguilla", "aq:ata:Antarctica", "ag:atg:Antigua and Barbuda", "ar:arg:Argentina",
  "am:arm:Armenia", "aw:abw:Aruba", "au:aus:Australia", "at:aut:Austria", "az:aze:Azerbaijan",
  "bs:bhs:Bahamas", "bh:bhr:Bahrain", "bd:bgd:Bangladesh", "bb:brb:Barbados", "by:blr:Belarus",
  "be:bel:Belgium", "bz:blz:Belize", "bj:ben:Benin", "bm:bmu:Bermuda", "bt:btn:Bhutan", "bo:bol:Bolivia",
  "bq:bes:Bonaire, Sint Eustatius and Saba", "ba:bih:Bosnia and Herzegovina", "bw:bwa:Botswana",
  "bv:bvd:Bouvet Island", "br:bra:Brazil", "io:iot:British Indian Ocean Territory",
  "bn:brn:Brunei Darussalam", "bg:bgr:Bulgaria", "bf:bfa:Burkina Faso", "bi:bdi:Burundi", "kh:khm:Cambodia",
  "cm:cmr:Cameroon", "ca:can:Canada", "cv:cpv:Cape Verde", "ky:cym:Cayman Islands",
  "cf:caf:Central African Republic", "td:tcd:Chad", "cl:chl:Chile", "cn:chn:China",
  "cx:cxr:Christmas Island", "cc:cck:Cocos (Keeling) Islands", "co:col:Colombia", "km:com:Comoros",
  "cg:cog:Congo", "cd:cod:Congo, the Democratic Republic of the", "ck:cok:Cook Islands", "cr:cri:Costa Rica",
  "ci:civ:Cote D'Ivoire", "hr:hrv:Croatia", "cu:cub:Cuba", "cw:cuw:Curaçao", "cy:cyp:Cyprus",
  "cz:cze:Czech Republic", "dk:dnk:Denmark", "dj:dji:Djibouti", "dm:dma:Dominica",
  "do:dom:Dominican Republic", "ec:ecu:Ecuador", "eg:egy:Egypt", "sv:slv:El Salvador",
  "gq:gnq:Equatorial Guinea", "er:eri:Eritrea", "ee:est:Estonia", "et:eth:Ethiopia",
  "fk:flk:Falkland Islands (Malvinas)", "fo:fro:Faroe Islands", "fj:fji:Fiji", "fi:fin:Finland",
  "fr:fra:France", "gf:guf:French Guiana", "pf:pyf:French Polynesia", "tf:atf:French Southern Territories",
  "ga:gab:Gabon", "gm:gmb:Gambia", "ge:geo:Georgia", "de:deu:Germany", "gh:gha:Ghana", "gi:gib:Gibraltar",
  "gr:grc:Greece", "gl:grl:Greenland", "gd:grd:Grenada", "gp:glp:Guadeloupe", "gu:gum:Guam",
  "gt:gtm:Guatemala", "gg:ggy:Guernsey", "gn:gin:Guinea", "gw:gnb:Guinea-Bissau", "gy:guy:Guyana",
  "ht:hti:Haiti", "hm:hmd:Heard Island And Mcdonald Islands", "va:vat:Holy See (Vatican City State)",
  "hn:hnd:Honduras", "hk:hkg:Hong Kong", "hu:hun:Hungary", "is:isl:Iceland", "in:ind:India",
  "id:idn:Indonesia", "ir:irn:Iran, Islamic Republic of", "iq:irq:Iraq", "ie:irl:Ireland",
  "im:imn:Isle Of Man", "il:isr:Israel", "it:ita:Italy", "jm:jam:Jamaica", "jp:jpn:Japan", "je:jey:Jersey",
  "jo:jor:Jordan", "kz:kaz:Kazakhstan", "ke:ken:Kenya", "ki:kir:Kiribati",
  "kp:prk:Korea, Democratic People's Republic of", "kr:kor:Korea, Republic of", "xk:xkx:Kosovo",
  "kw:kwt:Kuwait", "kg:kgz:Kyrgyzstan", "la:lao:Lao People's Democratic Republic", "lv:lva:Latvia",
  "lb:lbn:Lebanon", "ls:lso:Lesotho", "lr:lbr:Liberia", "ly:lby:Libya", "li:lie:Liechtenstein",
  "lt:ltu:Lithuania", "lu:lux:Luxembourg", "mo:mac:Macao",
  "mk:mkd:Macedonia, the Former Yugoslav Republic of", "mg:mdg:Madagascar", "mw:mwi:Malawi",
  "my:mys:Malaysia", "mv:mdv:Maldives", "ml:mli:Mali", "mt:mlt:Malta", "mh:mhl:Marshall Islands",
  "mq:mtq:Martinique", "mr:mrt:Mauritania", "mu:mus:Mauritius", "yt:myt:Mayotte", "mx:mex:Mexico",
  "fm:fsm:Micronesia, Federated States of", "md:mda:Moldova, Republic of", "mc:mco:Monaco",
  "mn:mng:Mongolia", "me:mne:Montenegro", "ms:msr:Montserrat", "ma:mar:Morocco", "mz:moz:Mozambique",
  "mm:mmr:Myanmar", "na:nam:Namibia", "nr:nru:Nauru", "np:npl:Nepal", "nl:nld:Netherlands",
  "nc:ncl:New Caledonia", "nz:nzl:New Zealand", "ni:nic:Nicaragua", "ne:ner:Niger", "ng:nga:Nigeria",
  "nu:niu:Niue", "nf:nfk:Norfolk Island", "mp:mnp:Northern Mariana Islands", "no:nor:Norway", "om:omn:Oman",
  "pk:pak:Pakistan", "pw:plw:Palau", "ps:pse:Palestinian Territory, Occupied", "pa:pan:Panama",
  "pg:png:Papua New Guinea", "py:pry:Paraguay", "pe:per:Peru", "ph:phl:Philippines", "pn:pcn:Pitcairn",
  "pl:pol:Poland", "pt:prt:Portugal", "pr:pri:Puerto Rico", "qa:qat:Qatar", "re:reu:Reunion",
  "ro:rom:Romania", "ru:rus:Russian Federation", "rw:rwa:Rwanda", "bl:blm:Saint Barthélemy",
  "sh:shn:Saint Helena", "kn:kna:Saint Kitts and Nevis", "lc:lca:Saint Lucia",
  "mf:maf:Saint Martin (French part)", "pm:spm:Saint Pierre and Miquelon",
  "vc:vct:Saint Vincent and the Grenadines", "ws:wsm:Samoa", "sm:smr:San Marino",
  "st:stp:Sao Tome and Principe", "sa:sau:Saudi Arabia", "sn:sen:Senegal", "rs:srb:Serbia",
  "sc:syc:Seychelles", "sl:sle:Sierra Leone", "sg:sgp:Singapore", "sx:sxm:Sint Maarten", "sk:svk:Slovakia",
  "si:svn:Slovenia", "sb:slb:Solomon Islands", "so:som:Somalia", "za:zaf:South Africa",
  "gs:sgs:South Georgia and the South Sandwich Islands", "ss:ssd:South Sudan", "es:esp:Spain",
  "lk:lka:Sri Lanka", "sd:sdn:Sudan", "sr:sur:Suriname", "sj:sjm:Svalbard and Jan Mayen", "sz:swz:Swaziland",
  "se:swe:Sweden", "ch:che:Switzerland", "sy:syr:Syrian Arab Republic", "tw:twn:Taiwan, Province of China",
  "tj:tjk:Tajikistan", "tz:tza:Tanzania, United Republic of", "th:tha:Thailand", "tl:tls:Timor Leste",
  "tg:tgo:Togo", "tk:tkl:Tokelau", "to:ton:Tonga", "tt:tto:Trinidad and Tobago", "tn:tun:Tunisia",
  "tr:tur:Turkey", "tm:tkm:Turkmenistan", "tc:tca:Turks and Caicos Islands", "tv:tuv:Tuvalu",
  "ug:uga:Uganda", "ua:ukr:Ukraine", "ae:are:United Arab Emirates", "gb:gbr:United Kingdom",
  "us:usa:United States", "um:umi:United States Minor Outlying Islands", "uy:ury:Uruguay",
  "uz:uzb:Uzbekistan", "vu:vut:Vanuatu", "ve:ven:Venezuela", "vn:vnm:Viet Nam",
  "vg:vgb:Virgin Islands, British", "vi:vir:Virgin Islands, U.S.", "wf:wlf:Wallis and Futuna",
  "eh:esh:Western Sahara", "ye:yem:Yemen", "zm:zmb:Zambia", "zw:zwe:Zimbabwe", "ax:ala:Åland Islands",
];

export type IsoCountry = { iso2: string; iso3: string; name: string };

const BY_ISO2 = new Map<string, IsoCountry>(
  TABLE.map((row) => {
    const [iso2, iso3, ...name] = row.split(":");
    return [iso2, { iso2, iso3, name: name.join(":") }];
  }),
);

/** The country of an ISO 3166-1 alpha-2 code (any case), or null when there is none. */
export function isoCountry(code: string): IsoCountry | null {
  return BY_ISO2.get(code.toLowerCase()) ?? null;
}
