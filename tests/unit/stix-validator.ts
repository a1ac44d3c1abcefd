/**
 * A compact check of STIX 2.1 bundles against what the OASIS JSON schemas (cti-stix2-json-schemas,
 * stix2.1 branch: common/core.json, sdos/*.json, sros/relationship.json) and the OASIS validator's
 * tables (cti-stix-validator, stix2validator/v21/enums.py: properties, open vocabularies,
 * relationships) require of the object types Spyglass writes. Written independently of the
 * exporter: it must not share its tables.
 */

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
const ID = new RegExp(`^([a-z][a-z0-9-]+[a-z0-9])--${UUID}$`);
/** created and modified are precise to the millisecond (core.json, timestamp_millis). */
const MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export const TLP_CLEAR_ID = 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487';
const TLP_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

const COMMON = [
  'type',
  'spec_version',
  'id',
  'created_by_ref',
  'created',
  'modified',
  'revoked',
  'labels',
  'confidence',
  'lang',
  'external_references',
  'object_marking_refs',
  'granular_markings',
];

/** Each type's own properties (enums.PROPERTIES) and the ones its schema requires. */
const TYPES: Record<string, { props: string[]; required: string[] }> = {
  identity: {
    props: ['name', 'description', 'roles', 'identity_class', 'sectors', 'contact_information'],
    required: ['name'],
  },
  'intrusion-set': {
    props: [
      'name',
      'description',
      'aliases',
      'first_seen',
      'last_seen',
      'goals',
      'resource_level',
      'primary_motivation',
      'secondary_motivations',
    ],
    required: ['name'],
  },
  malware: {
    props: [
      'name',
      'description',
      'malware_types',
      'is_family',
      'aliases',
      'kill_chain_phases',
      'first_seen',
      'last_seen',
      'operating_system_refs',
      'architecture_execution_envs',
      'implementation_languages',
      'capabilities',
      'sample_refs',
    ],
    required: ['is_family'],
  },
  tool: {
    props: ['name', 'description', 'tool_types', 'aliases', 'kill_chain_phases', 'tool_version'],
    required: ['name'],
  },
  campaign: {
    props: ['name', 'description', 'aliases', 'first_seen', 'last_seen', 'objective'],
    required: ['name'],
  },
  location: {
    props: [
      'name',
      'description',
      'latitude',
      'longitude',
      'precision',
      'region',
      'country',
      'administrative_area',
      'city',
      'street_address',
      'postal_code',
    ],
    required: [],
  },
  report: {
    props: ['name', 'description', 'report_types', 'published', 'object_refs'],
    required: ['name', 'published', 'object_refs'],
  },
  grouping: { props: ['name', 'description', 'context', 'object_refs'], required: ['context', 'object_refs'] },
  note: { props: ['abstract', 'content', 'authors', 'object_refs'], required: ['content', 'object_refs'] },
  relationship: {
    props: ['relationship_type', 'description', 'source_ref', 'target_ref', 'start_time', 'stop_time'],
    required: ['relationship_type', 'source_ref', 'target_ref'],
  },
};

const REGION_OV = new Set(
  (
    'africa eastern-africa middle-africa northern-africa southern-africa western-africa americas ' +
    'latin-america-caribbean south-america caribbean central-america northern-america asia central-asia ' +
    'eastern-asia southern-asia south-eastern-asia western-asia europe eastern-europe northern-europe ' +
    'southern-europe western-europe oceania australia-new-zealand melanesia micronesia polynesia antarctica'
  ).split(' '),
);
const REPORT_TYPE_OV = new Set(
  'threat-report attack-pattern campaign identity indicator intrusion-set malware observed-data threat-actor tool vulnerability'.split(
    ' ',
  ),
);
const GROUPING_CONTEXT_OV = new Set(['suspicious-activity', 'malware-analysis', 'unspecified']);
const IDENTITY_CLASS_OV = new Set(['individual', 'group', 'system', 'organization', 'class', 'unknown']);

/** The relationships the specification defines, "source relationship target" (enums.RELATIONSHIPS). */
const RELATIONSHIPS: Record<string, Record<string, string[]>> = {
  campaign: {
    'attributed-to': ['intrusion-set', 'threat-actor'],
    compromises: ['infrastructure'],
    'originates-from': ['location'],
    targets: ['location', 'identity', 'vulnerability'],
    uses: ['attack-pattern', 'infrastructure', 'malware', 'tool'],
  },
  identity: { 'located-at': ['location'] },
  'intrusion-set': {
    'attributed-to': ['threat-actor'],
    compromises: ['infrastructure'],
    hosts: ['infrastructure'],
    'originates-from': ['location'],
    owns: ['infrastructure'],
    targets: ['identity', 'location', 'vulnerability'],
    uses: ['attack-pattern', 'infrastructure', 'malware', 'tool'],
  },
  malware: {
    'authored-by': ['threat-actor', 'intrusion-set'],
    'originates-from': ['location'],
    targets: ['identity', 'infrastructure', 'location'],
    uses: ['attack-pattern', 'infrastructure', 'malware', 'tool'],
    'variant-of': ['malware'],
  },
  tool: {
    delivers: ['malware'],
    drops: ['malware'],
    uses: ['infrastructure'],
    has: ['vulnerability'],
    targets: ['identity', 'infrastructure', 'location', 'vulnerability'],
  },
};
const COMMON_RELATIONSHIPS = new Set(['related-to', 'derived-from', 'duplicate-of']);

/** ISO 3166-1 alpha-2 codes (an assigned code has an English region name; "UK" is not one: it is GB). */
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const isIsoCountry = (c: string) => /^[A-Z]{2}$/.test(c) && c !== 'UK' && c !== 'EU' && regionNames.of(c) !== undefined;

export interface Bundle {
  type: string;
  id: string;
  objects: Record<string, unknown>[];
}

/** Every problem with a bundle, as readable lines (empty when it is valid). */
export function stixProblems(bundle: Bundle): string[] {
  const out: string[] = [];
  if (bundle.type !== 'bundle') out.push('bundle type');
  if (!ID.test(bundle.id) || !bundle.id.startsWith('bundle--')) out.push(`bundle id ${bundle.id}`);
  if (!Array.isArray(bundle.objects) || bundle.objects.length === 0) out.push('bundle has no objects');
  const ids = new Set<string>();
  for (const o of bundle.objects) {
    const id = String(o.id);
    const type = String(o.type);
    const where = `${type} ${id}`;
    if (ids.has(id)) out.push(`${where}: duplicate id`);
    ids.add(id);
    const m = ID.exec(id);
    if (!m || m[1] !== type) out.push(`${where}: id is not "<type>--<uuid v4 or v5>"`);
    if (o.spec_version !== '2.1') out.push(`${where}: spec_version`);
    if (typeof o.created !== 'string' || !MILLIS.test(o.created)) out.push(`${where}: created`);

    if (type === 'marking-definition') {
      const ext = (o.extensions as Record<string, Record<string, unknown>> | undefined)?.[TLP_EXTENSION];
      const tlp1 = o.definition_type === 'tlp' && typeof o.definition === 'object';
      if (!tlp1 && !(typeof o.name === 'string' && ext?.extension_type === 'property-extension' && ext.tlp_2_0))
        out.push(`${where}: neither a TLP 1 definition nor a TLP 2.0 extension`);
      if (id === TLP_CLEAR_ID && (o.name !== 'TLP:CLEAR' || ext?.tlp_2_0 !== 'clear'))
        out.push(`${where}: not the OASIS TLP:CLEAR object`);
      if ('modified' in o) out.push(`${where}: marking definitions are not versioned`);
      continue;
    }

    if (typeof o.modified !== 'string' || !MILLIS.test(o.modified)) out.push(`${where}: modified`);
    else if (typeof o.created === 'string' && o.modified < o.created) out.push(`${where}: modified before created`);
    const spec = TYPES[type];
    if (!spec) {
      out.push(`${where}: type not expected`);
      continue;
    }
    for (const k of Object.keys(o))
      if (!COMMON.includes(k) && !spec.props.includes(k)) out.push(`${where}: unknown property ${k}`);
    for (const k of spec.required) if (o[k] === undefined) out.push(`${where}: missing ${k}`);
    const marks = o.object_marking_refs;
    if (!Array.isArray(marks) || !marks.includes(TLP_CLEAR_ID)) out.push(`${where}: not marked TLP:CLEAR`);
    if (
      'confidence' in o &&
      !(Number.isInteger(o.confidence) && (o.confidence as number) >= 0 && (o.confidence as number) <= 100)
    )
      out.push(`${where}: confidence must be an integer 0-100`);
    if (
      'labels' in o &&
      (!Array.isArray(o.labels) || o.labels.length === 0 || o.labels.some((l) => typeof l !== 'string'))
    )
      out.push(`${where}: labels must be a non-empty list of strings`);
    for (const k of ['published', 'first_seen', 'last_seen'])
      if (k in o && (typeof o[k] !== 'string' || !TIMESTAMP.test(o[k] as string))) out.push(`${where}: ${k}`);
    if (typeof o.first_seen === 'string' && typeof o.last_seen === 'string' && o.last_seen < o.first_seen)
      out.push(`${where}: last_seen before first_seen`);
    for (const k of [
      'object_refs',
      'aliases',
      'external_references',
      'labels',
      'report_types',
      'malware_types',
      'sectors',
    ])
      if (k in o && (!Array.isArray(o[k]) || (o[k] as unknown[]).length === 0))
        out.push(`${where}: ${k} must be a non-empty list`);
    for (const ref of (o.external_references as Record<string, unknown>[] | undefined) ?? [])
      if (!ref.source_name || !(ref.url || ref.external_id || ref.description))
        out.push(`${where}: external reference needs source_name and url, external_id or description`);
    if (Array.isArray(o.aliases) && o.aliases.includes(o.name)) out.push(`${where}: aliases repeat the name`);

    switch (type) {
      case 'malware':
        if (typeof o.is_family !== 'boolean') out.push(`${where}: is_family`);
        if (o.is_family === true && typeof o.name !== 'string') out.push(`${where}: a malware family needs a name`);
        break;
      case 'identity':
        if ('identity_class' in o && !IDENTITY_CLASS_OV.has(String(o.identity_class)))
          out.push(`${where}: identity_class ${String(o.identity_class)}`);
        break;
      case 'location':
        if (!o.region && !o.country && !(o.latitude !== undefined && o.longitude !== undefined))
          out.push(`${where}: location needs region, country or latitude and longitude`);
        if ('region' in o && !REGION_OV.has(String(o.region))) out.push(`${where}: region ${String(o.region)}`);
        if ('country' in o && !isIsoCountry(String(o.country))) out.push(`${where}: country ${String(o.country)}`);
        if (typeof o.name === 'string' && /^[A-Z]{2}$/.test(o.name)) out.push(`${where}: name is a code, not a name`);
        break;
      case 'report':
        for (const t of (o.report_types as string[] | undefined) ?? [])
          if (!REPORT_TYPE_OV.has(t)) out.push(`${where}: report type ${t}`);
        break;
      case 'grouping':
        if (!GROUPING_CONTEXT_OV.has(String(o.context))) out.push(`${where}: context ${String(o.context)}`);
        break;
      case 'relationship': {
        const rel = String(o.relationship_type);
        const source = String(o.source_ref).split('--')[0]!;
        const target = String(o.target_ref).split('--')[0]!;
        if (!COMMON_RELATIONSHIPS.has(rel) && !RELATIONSHIPS[source]?.[rel]?.includes(target))
          out.push(`${where}: "${source} ${rel} ${target}" is not a STIX 2.1 relationship`);
        break;
      }
    }
  }
  // Every reference resolves inside the bundle.
  for (const o of bundle.objects) {
    const refs = [
      ...['source_ref', 'target_ref', 'created_by_ref'].map((k) => o[k]).filter((r) => r !== undefined),
      ...((o.object_refs as unknown[] | undefined) ?? []),
      ...((o.object_marking_refs as unknown[] | undefined) ?? []),
    ];
    for (const r of refs)
      if (typeof r !== 'string' || !ids.has(r))
        out.push(`${String(o.type)} ${String(o.id)}: dangling ref ${String(r)}`);
  }
  return out;
}
