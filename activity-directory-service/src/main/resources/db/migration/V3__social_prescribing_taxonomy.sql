-- The Linkwork social prescribing vocabulary. Ids are fixed (UUID v5 of the code) so exports, imports and
-- other services can refer to terms across environments.
INSERT INTO taxonomy (id, name, description, uri, version) VALUES ('8106ae87-ef08-5db8-863c-b7a12789d026', 'Linkwork social prescribing',
    'Kinds of community activity and support a link worker can prescribe.', 'https://linkwork.example.nhs.uk/taxonomy/social-prescribing', '1');

INSERT INTO taxonomy_term (id, taxonomy_id, code, name, description, parent_id) VALUES
    ('aae47f1c-9101-50c1-acef-9a43fcbaf4f3', '8106ae87-ef08-5db8-863c-b7a12789d026', 'physical-activity', 'Physical activity', 'Sport, exercise and movement for all abilities.', NULL),
    ('160729ad-cb62-5c27-bba8-9dfc3849f792', '8106ae87-ef08-5db8-863c-b7a12789d026', 'walking', 'Walking', 'Walking groups and health walks.', 'aae47f1c-9101-50c1-acef-9a43fcbaf4f3'),
    ('eb625072-432f-5f95-86ab-8f6cbff77c2e', '8106ae87-ef08-5db8-863c-b7a12789d026', 'dance', 'Dance', 'Dance classes and social dancing, including ballroom and seated dance.', 'aae47f1c-9101-50c1-acef-9a43fcbaf4f3'),
    ('a0972893-b715-565a-ad1a-8d15b95934eb', '8106ae87-ef08-5db8-863c-b7a12789d026', 'arts-and-crafts', 'Arts and crafts', 'Art classes, craft groups and making together.', NULL),
    ('b6b34bd5-ae73-5285-92e6-bb22be6e60fd', '8106ae87-ef08-5db8-863c-b7a12789d026', 'music', 'Music', 'Choirs, singing for health, music making and listening groups.', NULL),
    ('d8ebff1b-88c9-581e-aea1-a878404fe467', '8106ae87-ef08-5db8-863c-b7a12789d026', 'heritage', 'Heritage and local history', 'Local history groups, museums and heritage volunteering.', NULL),
    ('5afec80c-7033-5e5f-beb3-c763e4b67c56', '8106ae87-ef08-5db8-863c-b7a12789d026', 'nature-and-gardening', 'Nature and gardening', 'Community gardens, allotments, green volunteering and nature walks.', NULL),
    ('f03b917c-7a9e-517e-8693-dddb149085ee', '8106ae87-ef08-5db8-863c-b7a12789d026', 'peer-support', 'Peer support', 'Groups of people with shared experience supporting each other.', NULL),
    ('a070c9e1-57e2-5932-ae19-b7c5bfaa8a2c', '8106ae87-ef08-5db8-863c-b7a12789d026', 'befriending', 'Befriending', 'Regular contact with a volunteer befriender, in person or by phone.', NULL),
    ('e527119e-b102-5933-8606-1bea596afeed', '8106ae87-ef08-5db8-863c-b7a12789d026', 'bereavement-support', 'Bereavement support', 'Support after the death of someone close.', NULL),
    ('c89bfa3c-d732-563e-a4b3-8ebdc50b1657', '8106ae87-ef08-5db8-863c-b7a12789d026', 'carers', 'Carers', 'Support, breaks and groups for unpaid carers.', NULL),
    ('e685d536-24bc-590e-a2b3-120d2f2ba61a', '8106ae87-ef08-5db8-863c-b7a12789d026', 'money-and-debt-advice', 'Money and debt advice', 'Debt, benefits and budgeting advice.', NULL),
    ('fb764e17-2330-503f-bb41-cefac55d0941', '8106ae87-ef08-5db8-863c-b7a12789d026', 'housing', 'Housing', 'Housing advice, tenancy support and homelessness prevention.', NULL),
    ('63ac0bbc-cbec-52a8-8a18-7be3637b3f12', '8106ae87-ef08-5db8-863c-b7a12789d026', 'employment-and-skills', 'Employment and skills', 'Help into work, CV support and skills training.', NULL),
    ('773600c0-27cb-5e0c-8f4c-d3bd48fa0c12', '8106ae87-ef08-5db8-863c-b7a12789d026', 'learning', 'Learning', 'Adult learning, digital skills and language classes.', NULL),
    ('1345f5ae-c844-5cf3-851d-6157462530a8', '8106ae87-ef08-5db8-863c-b7a12789d026', 'volunteering', 'Volunteering', 'Opportunities to volunteer in the community.', NULL),
    ('24615426-6239-5071-aaa7-df63245118a1', '8106ae87-ef08-5db8-863c-b7a12789d026', 'mental-wellbeing', 'Mental wellbeing', 'Low mood, anxiety and stress: wellbeing courses and talking groups.', NULL),
    ('27eca8b9-d8f4-5db1-9fcd-34f5fb9e7c92', '8106ae87-ef08-5db8-863c-b7a12789d026', 'healthy-eating', 'Healthy eating', 'Cooking on a budget, community meals and nutrition groups.', NULL),
    ('7498f653-3c23-57d4-a511-2d3c3f5061bc', '8106ae87-ef08-5db8-863c-b7a12789d026', 'social-groups', 'Social groups and lunch clubs', 'Lunch clubs, coffee mornings and social clubs against loneliness.', NULL),
    ('59741360-f0eb-5baf-a20d-e20629e75c73', '8106ae87-ef08-5db8-863c-b7a12789d026', 'digital-inclusion', 'Digital inclusion', 'Getting online: devices, data and digital skills support.', NULL);
