-- Demo link workers for dev mode and the local suite (platform DemoData, linkwork.demo-data.enabled;
-- never in production or tests): 15 people in five Leeds PCNs. Runs at every start, so idempotent.
INSERT INTO link_worker (id, username, name, pcn_code, fte, caseload_cap, languages) VALUES
    ('0b6f5d0a-0001-4000-8000-000000000001', 'lw-amira',   'Amira Hussain',   'U31228', 1.00, NULL, 'English,Urdu'),
    ('0b6f5d0a-0001-4000-8000-000000000002', 'lw-ben',     'Ben Walsh',       'U31228', 1.00, NULL, 'English'),
    ('0b6f5d0a-0001-4000-8000-000000000003', 'lw-chloe',   'Chloe Adeyemi',   'U31228', 0.60, NULL, 'English,Yoruba'),
    ('0b6f5d0a-0001-4000-8000-000000000004', 'lw-dan',     'Dan Kowalski',    'U11864', 1.00, NULL, 'English,Polish'),
    ('0b6f5d0a-0001-4000-8000-000000000005', 'lw-ella',    'Ella Brooks',     'U11864', 0.80, NULL, 'English'),
    ('0b6f5d0a-0001-4000-8000-000000000006', 'lw-farah',   'Farah Mirza',     'U11864', 0.50, NULL, 'English,Punjabi'),
    ('0b6f5d0a-0001-4000-8000-000000000007', 'lw-george',  'George Okafor',   'U76315', 1.00, NULL, 'English'),
    ('0b6f5d0a-0001-4000-8000-000000000008', 'lw-hannah',  'Hannah Price',    'U76315', 1.00, NULL, 'English'),
    ('0b6f5d0a-0001-4000-8000-000000000009', 'lw-imran',   'Imran Shah',      'U76315', 0.50, NULL, 'English,Urdu'),
    ('0b6f5d0a-0001-4000-8000-000000000010', 'lw-jess',    'Jess Taylor',     'U31269', 1.00, NULL, 'English'),
    ('0b6f5d0a-0001-4000-8000-000000000011', 'lw-kamal',   'Kamal Begum',     'U31269', 0.80, NULL, 'English,Bengali'),
    ('0b6f5d0a-0001-4000-8000-000000000012', 'lw-lucy',    'Lucy Evans',      'U31269', 0.60, NULL, 'English,Welsh'),
    ('0b6f5d0a-0001-4000-8000-000000000013', 'lw-marek',   'Marek Nowak',     'U78449', 1.00, NULL, 'English,Polish'),
    ('0b6f5d0a-0001-4000-8000-000000000014', 'lw-nadia',   'Nadia Rahman',    'U78449', 1.00, NULL, 'English,Arabic'),
    ('0b6f5d0a-0001-4000-8000-000000000015', 'lw-owen',    'Owen Hughes',     'U78449', 0.40, NULL, 'English')
ON CONFLICT (id) DO NOTHING;
