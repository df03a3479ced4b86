package org.linkwork.directory.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Generates the Leeds demo directory, {@code src/main/resources/db/demo/leeds-directory.sql}: 340
 * services of 84 organisations in the LS postcode districts, across every term of the V3 taxonomy.
 * A fixed random seed and name-based ids make the output identical on every run; the committed file is
 * this output ({@code DemoDirectoryTest} checks that). Regenerate after changing this class:
 *
 * <pre>
 * ./mvnw -B -pl activity-directory-service test-compile
 * java -cp activity-directory-service/target/classes:activity-directory-service/target/test-classes \
 *     org.linkwork.directory.seed.LeedsDemoDirectory activity-directory-service/src/main/resources/db/demo/leeds-directory.sql
 * </pre>
 */
public final class LeedsDemoDirectory {

    static final long SEED = 20261125L;
    static final int SERVICES_PER_TERM = 17;

    /** The V3 vocabulary: code and id. */
    static final Map<String, String> TERMS = new LinkedHashMap<>();

    static {
        TERMS.put("physical-activity", "aae47f1c-9101-50c1-acef-9a43fcbaf4f3");
        TERMS.put("walking", "160729ad-cb62-5c27-bba8-9dfc3849f792");
        TERMS.put("dance", "eb625072-432f-5f95-86ab-8f6cbff77c2e");
        TERMS.put("arts-and-crafts", "a0972893-b715-565a-ad1a-8d15b95934eb");
        TERMS.put("music", "b6b34bd5-ae73-5285-92e6-bb22be6e60fd");
        TERMS.put("heritage", "d8ebff1b-88c9-581e-aea1-a878404fe467");
        TERMS.put("nature-and-gardening", "5afec80c-7033-5e5f-beb3-c763e4b67c56");
        TERMS.put("peer-support", "f03b917c-7a9e-517e-8693-dddb149085ee");
        TERMS.put("befriending", "a070c9e1-57e2-5932-ae19-b7c5bfaa8a2c");
        TERMS.put("bereavement-support", "e527119e-b102-5933-8606-1bea596afeed");
        TERMS.put("carers", "c89bfa3c-d732-563e-a4b3-8ebdc50b1657");
        TERMS.put("money-and-debt-advice", "e685d536-24bc-590e-a2b3-120d2f2ba61a");
        TERMS.put("housing", "fb764e17-2330-503f-bb41-cefac55d0941");
        TERMS.put("employment-and-skills", "63ac0bbc-cbec-52a8-8a18-7be3637b3f12");
        TERMS.put("learning", "773600c0-27cb-5e0c-8f4c-d3bd48fa0c12");
        TERMS.put("volunteering", "1345f5ae-c844-5cf3-851d-6157462530a8");
        TERMS.put("mental-wellbeing", "24615426-6239-5071-aaa7-df63245118a1");
        TERMS.put("healthy-eating", "27eca8b9-d8f4-5db1-9fcd-34f5fb9e7c92");
        TERMS.put("social-groups", "7498f653-3c23-57d4-a511-2d3c3f5061bc");
        TERMS.put("digital-inclusion", "59741360-f0eb-5baf-a20d-e20629e75c73");
    }

    /**
     * What link workers prescribe most for loneliness, low mood, inactivity and debt: the first services
     * of these terms are free, open to adults of any age over 18, take link-worker referrals, have free
     * places and sit in the inner districts around Headingley (LS6).
     */
    static final List<String> CORE_TERMS = List.of("befriending", "peer-support", "social-groups", "mental-wellbeing",
            "arts-and-crafts", "nature-and-gardening", "physical-activity", "walking", "money-and-debt-advice");
    static final int CORE_SERVICES_PER_TERM = 4;
    private static final List<String> CORE_DISTRICTS = List.of("LS6", "LS7", "LS4", "LS2", "LS3", "LS16", "LS5", "LS1",
            "LS8", "LS17", "LS12", "LS11");

    /** Districts of Leeds (LS), inner ones listed twice so that most activities are where most people live. */
    private static final List<String> DISTRICTS = List.of("LS1", "LS2", "LS3", "LS4", "LS5", "LS6", "LS7", "LS8", "LS9",
            "LS10", "LS11", "LS12", "LS13", "LS14", "LS15", "LS16", "LS17", "LS18", "LS19", "LS20", "LS21", "LS22",
            "LS23", "LS25", "LS26", "LS27", "LS28", "LS29");
    private static final List<String> BUSY = List.of("LS6", "LS7", "LS8", "LS9", "LS11", "LS12", "LS4", "LS2", "LS13",
            "LS14", "LS15", "LS16", "LS17", "LS10", "LS1", "LS3", "LS5");

    /** The neighbourhood a district is best known by (the centroid file lists them alphabetically). */
    private static final Map<String, String> AREAS = Map.ofEntries(Map.entry("LS1", "City Centre"),
            Map.entry("LS2", "Woodhouse"), Map.entry("LS3", "Little Woodhouse"), Map.entry("LS4", "Burley"),
            Map.entry("LS5", "Kirkstall"), Map.entry("LS6", "Headingley"), Map.entry("LS7", "Chapel Allerton"),
            Map.entry("LS8", "Harehills"), Map.entry("LS9", "Burmantofts"), Map.entry("LS10", "Middleton"),
            Map.entry("LS11", "Beeston"), Map.entry("LS12", "Armley"), Map.entry("LS13", "Bramley"),
            Map.entry("LS14", "Seacroft"), Map.entry("LS15", "Cross Gates"), Map.entry("LS16", "Cookridge"),
            Map.entry("LS17", "Moortown"), Map.entry("LS18", "Horsforth"), Map.entry("LS19", "Yeadon"),
            Map.entry("LS20", "Guiseley"), Map.entry("LS21", "Otley"), Map.entry("LS22", "Wetherby"),
            Map.entry("LS23", "Boston Spa"), Map.entry("LS25", "Garforth"), Map.entry("LS26", "Rothwell"),
            Map.entry("LS27", "Morley"), Map.entry("LS28", "Pudsey"), Map.entry("LS29", "Ilkley"));

    private static final Map<String, String> PARKS = Map.ofEntries(Map.entry("LS6", "Woodhouse Moor"),
            Map.entry("LS7", "Potternewton Park"), Map.entry("LS8", "Roundhay Park"), Map.entry("LS5", "Kirkstall Abbey"),
            Map.entry("LS10", "Middleton Park"), Map.entry("LS11", "Cross Flatts Park"), Map.entry("LS12", "Armley Park"),
            Map.entry("LS13", "Bramley Park"), Map.entry("LS16", "Golden Acre Park"), Map.entry("LS9", "East End Park"),
            Map.entry("LS4", "Burley Park"), Map.entry("LS17", "Meanwood Valley"), Map.entry("LS14", "Seacroft Park"),
            Map.entry("LS15", "Temple Newsam"), Map.entry("LS28", "Pudsey Park"), Map.entry("LS27", "Scatcherd Park"),
            Map.entry("LS21", "Wharfemeadows Park"), Map.entry("LS18", "Hall Park"), Map.entry("LS2", "Park Square"),
            Map.entry("LS1", "City Square"), Map.entry("LS3", "Hyde Park Corner"), Map.entry("LS25", "Garforth Green"));

    private record Kind(String name, String description, List<String> terms) {
    }

    /** Every district has a community centre; two more kinds of organisation each, in turn. */
    private static final Kind COMMUNITY_CENTRE = new Kind("%s Community Centre",
            "A community centre run by local volunteers, home to groups and classes for all ages.", List.of());
    private static final List<Kind> KINDS = List.of(
            new Kind("%s Neighbourhood Network", "Helps older people in %s stay independent, active and connected.",
                    List.of("befriending", "social-groups", "walking", "physical-activity", "digital-inclusion", "carers")),
            new Kind("Friends of %s", "Volunteers caring for %s and getting people outdoors.",
                    List.of("nature-and-gardening", "walking", "volunteering", "heritage")),
            new Kind("%s Advice Centre", "Free, confidential advice for people living in %s.",
                    List.of("money-and-debt-advice", "housing", "employment-and-skills", "digital-inclusion")),
            new Kind("%s Mind and Wellbeing", "Peer-led mental health support in %s.",
                    List.of("mental-wellbeing", "peer-support", "bereavement-support", "arts-and-crafts")),
            new Kind("%s Arts Collective", "Artists and makers running creative sessions in %s.",
                    List.of("arts-and-crafts", "music", "dance", "heritage")),
            new Kind("%s Community Library", "The library for %s: learning, computers and local history.",
                    List.of("learning", "digital-inclusion", "heritage", "employment-and-skills")),
            new Kind("%s Carers Hub", "Support and breaks for unpaid carers in %s.",
                    List.of("carers", "bereavement-support", "peer-support", "befriending")),
            new Kind("%s Active Together", "Sport and movement for all abilities in %s.",
                    List.of("physical-activity", "walking", "dance", "healthy-eating")));

    private record Template(String name, String description) {
    }

    private static final Map<String, List<Template>> TEMPLATES = Map.ofEntries(
            Map.entry("physical-activity", List.of(new Template("%s Chair-Based Exercise", "Gentle seated exercise to music to build strength and balance."),
                    new Template("%s Strength and Balance", "A falls-prevention class led by a qualified instructor."),
                    new Template("%s Walking Football", "Football at walking pace: no tackling, no running, plenty of laughs."),
                    new Template("%s Tai Chi", "Slow, flowing movement for balance, breathing and calm."),
                    new Template("%s Gentle Yoga", "Beginners' yoga with chairs available for those who need them."),
                    new Template("%s Table Tennis Club", "Drop-in table tennis, bats provided, all standards welcome."))),
            Map.entry("walking", List.of(new Template("%s Health Walk", "A friendly, led walk of about an hour on level paths, ending with a cuppa."),
                    new Template("%s Nordic Walking", "Walking with poles for a whole-body workout; poles lent for the first sessions."),
                    new Template("%s Buggy and Toddler Walk", "A sociable walk for parents and carers with young children."),
                    new Template("%s Stride and Chat", "A brisker walk for people building up their fitness."),
                    new Template("%s Heritage Trail Walk", "A guided walk discovering the history of the neighbourhood."))),
            Map.entry("dance", List.of(new Template("%s Tea Dance", "Ballroom and sequence dancing with tea and cake; partners not needed."),
                    new Template("%s Seated Dance", "Dance to music from the 50s to today, sitting or standing."),
                    new Template("%s Bhangra Fitness", "High-energy bhangra moves for every fitness level."),
                    new Template("%s Line Dancing", "Beginners' line dancing in a relaxed, friendly group."))),
            Map.entry("arts-and-crafts", List.of(new Template("%s Knit and Natter", "Bring your knitting or learn to knit while you chat."),
                    new Template("%s Art Club", "Drawing and painting for beginners; materials provided."),
                    new Template("%s Pottery for Wellbeing", "Hand-building with clay in a calm, supportive group."),
                    new Template("%s Creative Writing Circle", "Write, share and enjoy stories and poems together."),
                    new Template("%s Craft Café", "Drop-in crafts over coffee: collage, card making and sewing."))),
            Map.entry("music", List.of(new Template("%s Community Choir", "No auditions and no need to read music: just come and sing."),
                    new Template("%s Singing for the Brain", "Singing sessions for people living with dementia and their carers."),
                    new Template("%s Ukulele Group", "Learn the ukulele from scratch; instruments lent."),
                    new Template("%s Drumming Circle", "Rhythm and percussion for relaxation and connection."))),
            Map.entry("heritage", List.of(new Template("%s Local History Group", "Talks, archives and old photographs of the area."),
                    new Template("%s Memories Café", "Reminiscence sessions with objects and photographs from the past."),
                    new Template("%s Heritage Volunteers", "Help catalogue and share the area's history."))),
            Map.entry("nature-and-gardening", List.of(new Template("%s Community Garden", "Grow fruit and vegetables with others; no experience needed."),
                    new Template("%s Green Gym", "Outdoor conservation tasks that keep you fit and improve local green space."),
                    new Template("%s Allotment Project", "Shared plots with tools, seeds and a friendly grower on hand."),
                    new Template("%s Nature Wellbeing Walk", "Slow walks noticing wildlife, with mindfulness along the way."))),
            Map.entry("peer-support", List.of(new Template("%s Men's Shed", "A workshop space where men make, mend and talk."),
                    new Template("%s Women's Wellbeing Circle", "A safe space for women to share experiences and support each other."),
                    new Template("%s Long Covid Peer Group", "People living with long Covid sharing what helps."),
                    new Template("%s Chronic Pain Support Group", "Peer support and self-management for people living with pain."),
                    new Template("%s Talking Café", "An informal group to talk about how life is going, over a hot drink."))),
            Map.entry("befriending", List.of(new Template("%s Befriending Service", "A volunteer befriender visits or calls every week for a chat."),
                    new Template("%s Telephone Friends", "A regular friendly phone call for people who are lonely or isolated."),
                    new Template("%s Good Neighbours", "Matched volunteers who pop round, help with errands and keep company."),
                    new Template("%s Walk and Talk Buddies", "A volunteer to walk with you until you feel confident going out alone."))),
            Map.entry("bereavement-support", List.of(new Template("%s Bereavement Café", "A welcoming space to talk with others who have lost someone."),
                    new Template("%s Grief Support Group", "A facilitated group meeting over eight weeks."),
                    new Template("%s Widowed Friends", "Social activities for people who have lost a partner."))),
            Map.entry("carers", List.of(new Template("%s Carers Café", "A break and a chat for unpaid carers, with advice on hand."),
                    new Template("%s Young Carers Club", "Fun activities and support for young people who care for someone."),
                    new Template("%s Carers Breaks", "Short breaks and pampering days for people caring for a relative."))),
            Map.entry("money-and-debt-advice", List.of(new Template("%s Debt Advice Drop-in", "Free, confidential debt advice and help dealing with creditors."),
                    new Template("%s Benefits Check", "Find out what you are entitled to and get help to claim it."),
                    new Template("%s Money Skills Course", "Budgeting, bills and saving in a friendly four-week course."),
                    new Template("%s Energy Bills Help", "Help with fuel debt, tariffs and grants for warm homes."))),
            Map.entry("housing", List.of(new Template("%s Housing Advice", "Advice on tenancies, repairs, rent arrears and homelessness prevention."),
                    new Template("%s Tenancy Support", "A support worker to help you settle and keep your home."),
                    new Template("%s Home Safety Check", "Free visits for older people to make homes safer and warmer."))),
            Map.entry("employment-and-skills", List.of(new Template("%s Job Club", "CV writing, job searching and interview practice."),
                    new Template("%s Back to Work Coaching", "One-to-one coaching for people out of work because of their health."),
                    new Template("%s English for Work", "Improve your English for jobs and everyday life."))),
            Map.entry("learning", List.of(new Template("%s Adult Learning Classes", "Short courses in maths, English, languages and more."),
                    new Template("%s Book Club", "Read and talk about a book a month; books lent free."),
                    new Template("%s Conversation Club", "Practise English in a relaxed group with volunteers."),
                    new Template("%s Lifelong Learning Talks", "Weekly talks on science, history and the arts."))),
            Map.entry("volunteering", List.of(new Template("%s Volunteer Centre", "Find a volunteering role that suits your time and interests."),
                    new Template("%s Food Bank Volunteers", "Sort donations and welcome visitors at the local food bank."),
                    new Template("%s Litter Pick", "A sociable litter pick, equipment provided."))),
            Map.entry("mental-wellbeing", List.of(new Template("%s Wellbeing Course", "A six-week course on managing stress, worry and low mood."),
                    new Template("%s Mindfulness Group", "Guided mindfulness practice for calm and better sleep."),
                    new Template("%s Recovery College", "Free courses about mental health and recovery, co-produced with people with lived experience."),
                    new Template("%s Anxiety Support Group", "Share coping strategies for anxiety in a supportive group."),
                    new Template("%s Wellbeing Café", "A relaxed drop-in for anyone feeling low, with activities and chat."))),
            Map.entry("healthy-eating", List.of(new Template("%s Cook and Eat", "Cook a healthy meal on a budget, then eat it together."),
                    new Template("%s Community Lunch", "A hot, healthy lunch and good company."),
                    new Template("%s Food Club", "Good-value fresh food and simple recipes."))),
            Map.entry("social-groups", List.of(new Template("%s Lunch Club", "A two-course lunch and a chat, with transport for those who need it."),
                    new Template("%s Coffee Morning", "A friendly welcome, hot drinks and conversation."),
                    new Template("%s Friendship Group", "Outings, quizzes and games for people who want to meet others."),
                    new Template("%s Games Afternoon", "Dominoes, cards, bingo and board games."))),
            Map.entry("digital-inclusion", List.of(new Template("%s Digital Drop-in", "Help with phones, tablets, email and the NHS App."),
                    new Template("%s Tablet Lending Scheme", "Borrow a tablet with data and learn to use it with a volunteer."),
                    new Template("%s Get Online Course", "A four-week course for complete beginners."))));

    private static final List<String> ACCESSIBILITY = List.of("Step-free access", "Accessible toilet", "Hearing loop",
            "Free parking nearby", "On a bus route", "Seating throughout", "Large-print materials", "Baby changing facilities",
            "Quiet room available", "Wheelchair-accessible paths");
    private static final List<String> DAY_CODES = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
    private static final List<String> STREETS = List.of("Church Lane", "Victoria Road", "Station Road", "Town Street",
            "Park Lane", "Chapel Street", "Moor Road", "School Lane", "Green Road", "Queen Street", "Mill Lane", "Bank Road");
    private static final List<String> VENUES = List.of("Community Centre", "Church Hall", "Library", "Methodist Hall",
            "Community Hub", "Sports Centre", "Park Pavilion", "Primary School Hall");
    private static final List<String> PEOPLE = List.of("Pat Hargreaves", "Mo Begum", "Sam Whitaker", "Jo Okonjo", "Alex Kaur",
            "Chris Pearson", "Nia Williams", "Tom Brennan", "Ruth Ackroyd", "Dev Patel", "Kasia Nowak", "Ellie Sutcliffe");
    private static final List<String[]> LANGUAGES = List.of(new String[] {"Urdu", "ur"}, new String[] {"Punjabi", "pa"},
            new String[] {"Polish", "pl"}, new String[] {"Arabic", "ar"}, new String[] {"British Sign Language", "bfi"},
            new String[] {"Bengali", "bn"});
    private static final String[] PRICES = {"1.50", "2.00", "2.50", "3.00", "4.00", "5.00", "6.50", "8.00"};
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    private record District(String outcode, String area, double latitude, double longitude) {
    }

    private record Organization(String id, String name, String slug, District district, List<String> terms,
            List<String> locations) {
    }

    private final Random random = new Random(SEED);
    private final Map<String, District> districts = new LinkedHashMap<>();
    private final List<Organization> organizations = new ArrayList<>();
    private final Map<String, Integer> templateUse = new LinkedHashMap<>();
    private final StringBuilder sql = new StringBuilder();
    private final List<String> organizationRows = new ArrayList<>();
    private final List<String> locationRows = new ArrayList<>();
    private final List<String> accessibilityRows = new ArrayList<>();
    private final List<String> serviceRows = new ArrayList<>();
    private final List<String> atLocationRows = new ArrayList<>();
    private final List<String> scheduleRows = new ArrayList<>();
    private final List<String> attributeRows = new ArrayList<>();
    private final List<String> costRows = new ArrayList<>();
    private final List<String> languageRows = new ArrayList<>();
    private final List<String> contactRows = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0]), sql(), StandardCharsets.UTF_8);
    }

    /** The whole migration, identical on every call. */
    public static String sql() {
        return new LeedsDemoDirectory().generate();
    }

    private String generate() {
        loadDistricts();
        for (int d = 0; d < DISTRICTS.size(); d++) {
            District district = districts.get(DISTRICTS.get(d));
            organization(COMMUNITY_CENTRE, district);
            organization(KINDS.get((2 * d) % KINDS.size()), district);
            organization(KINDS.get((2 * d + 1) % KINDS.size()), district);
        }
        int number = 0;
        for (String term : TERMS.keySet()) {
            for (int i = 0; i < SERVICES_PER_TERM; i++) {
                boolean core = CORE_TERMS.contains(term) && i < CORE_SERVICES_PER_TERM;
                String outcode = core ? CORE_DISTRICTS.get((CORE_TERMS.indexOf(term) + i * 3) % CORE_DISTRICTS.size())
                        : random.nextInt(3) < 2 ? pick(BUSY) : pick(DISTRICTS);
                service(++number, term, districts.get(outcode), core);
            }
        }
        sql.append("-- Demo directory for Leeds (platform DemoData: on in dev mode and the local suite, never in production or tests).\n")
                .append("-- GENERATED by org.linkwork.directory.seed.LeedsDemoDirectory (src/test) with a fixed seed: edit the\n")
                .append("-- generator, not this file. Runs at every start, with fixed ids and ON CONFLICT DO NOTHING, so a rerun keeps\n")
                .append("-- what the directory has learnt since (places taken, curators' edits). Venue coordinates lie within\n")
                .append("-- about a kilometre of their postcode district's centroid; phone numbers are in Ofcom's drama range.\n");
        insert("organization (id, name, description, email, website)", organizationRows);
        insert("location (id, organization_id, location_type, name, address_1, city, state_province, postal_code, latitude, longitude)",
                locationRows);
        insert("accessibility (id, location_id, description)", accessibilityRows);
        insert("service (id, organization_id, name, description, url, email, status, fees_description, eligibility_description,"
                + " minimum_age, maximum_age, places_per_session, places_taken, self_referral, link_worker_referral,"
                + " referral_instructions, last_modified)", serviceRows);
        insert("service_at_location (id, service_id, location_id)", atLocationRows);
        insert("schedule (id, service_id, freq, byday, opens_at, closes_at, valid_from, valid_to, description)", scheduleRows);
        insert("attribute (id, service_id, taxonomy_term_id)", attributeRows);
        insert("cost_option (id, service_id, option, currency, amount, amount_description)", costRows);
        insert("language (id, service_id, name, code)", languageRows);
        insert("contact (id, service_id, name, title, email, phone)", contactRows);
        return sql.toString();
    }

    private void loadDistricts() {
        try (InputStream in = LeedsDemoDirectory.class.getResourceAsStream("/geo/outcode-centroids.csv")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(",", 4);
                if (DISTRICTS.contains(fields[0])) {
                    districts.put(fields[0], new District(fields[0], AREAS.get(fields[0]), Double.parseDouble(fields[1]),
                            Double.parseDouble(fields[2])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (districts.size() != DISTRICTS.size()) {
            throw new IllegalStateException("districts missing from the centroid file: " + districts.keySet());
        }
    }

    private void organization(Kind kind, District district) {
        String place = kind.name().startsWith("Friends of") ? PARKS.getOrDefault(district.outcode(), district.area() + " Park")
                : district.area();
        String name = String.format(Locale.ROOT, kind.name(), place);
        String id = id("organization", name);
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        List<String> locations = new ArrayList<>();
        int venues = 1 + random.nextInt(2);
        for (int v = 0; v < venues; v++) {
            String venue = v == 0 && kind == COMMUNITY_CENTRE ? name : district.area() + " " + pick(VENUES);
            String locationId = id("location", name + "/" + v);
            double latitude = round(district.latitude() + (random.nextDouble() - 0.5) * 0.016);
            double longitude = round(district.longitude() + (random.nextDouble() - 0.5) * 0.024);
            String postcode = district.outcode() + " " + (1 + random.nextInt(9)) + INWARD_LETTERS.charAt(random.nextInt(20))
                    + INWARD_LETTERS.charAt(random.nextInt(20));
            locationRows.add(row(q(locationId), q(id), q("physical"), q(venue), q((1 + random.nextInt(180)) + " " + pick(STREETS)),
                    q(district.outcode().equals("LS21") || district.outcode().equals("LS29") ? district.area() : "Leeds"),
                    q("West Yorkshire"), q(postcode), Double.toString(latitude), Double.toString(longitude)));
            int features = 1 + random.nextInt(4);
            int first = random.nextInt(ACCESSIBILITY.size());
            for (int f = 0; f < features; f++) {
                String feature = ACCESSIBILITY.get((first + f * 3) % ACCESSIBILITY.size());
                accessibilityRows.add(row(q(id("accessibility", locationId + "/" + feature)), q(locationId), q(feature)));
            }
            locations.add(locationId);
        }
        organizationRows.add(row(q(id), q(name), q(String.format(Locale.ROOT, kind.description(), place)),
                q("hello@" + slug + ".example.org"), q("https://" + slug + ".example.org")));
        organizations.add(new Organization(id, name, slug, district, kind.terms(), locations));
    }

    private void service(int number, String term, District district, boolean core) {
        List<Organization> local = organizations.stream().filter(o -> o.district() == district).toList();
        Organization organization = local.stream().filter(o -> o.terms().contains(term)).findFirst().orElse(local.get(0));
        List<Template> templates = TEMPLATES.get(term);
        int use = templateUse.merge(term, 1, Integer::sum) - 1;
        Template template = templates.get(use % templates.size());
        String name = String.format(Locale.ROOT, template.name(), district.area());
        String id = id("service", number + "/" + name);

        boolean free = core || random.nextInt(100) < 50;
        Integer minimumAge;
        Integer maximumAge;
        String eligibility;
        if (core) {
            minimumAge = 18;
            maximumAge = null;
            eligibility = "Adults aged 18 and over.";
        } else if (term.equals("employment-and-skills")) {
            minimumAge = 16;
            maximumAge = 66;
            eligibility = "People of working age.";
        } else if (template.name().contains("Young Carers")) {
            minimumAge = 8;
            maximumAge = 17;
            eligibility = "Young people aged 8 to 17 who care for someone at home.";
        } else if (template.name().contains("Buggy")) {
            minimumAge = 0;
            maximumAge = null;
            eligibility = "Parents and carers with children under 5.";
        } else {
            int band = random.nextInt(100);
            minimumAge = band < 40 ? 18 : band < 55 ? 50 : band < 65 ? 60 : band < 75 ? 16 : band < 82 ? 18 : 0;
            maximumAge = band >= 75 && band < 82 ? 30 : null;
            eligibility = minimumAge == 0 ? "Everyone welcome, children with an adult."
                    : maximumAge != null ? "Young adults aged " + minimumAge + " to " + maximumAge + "."
                    : "People aged " + minimumAge + " and over.";
        }
        boolean dropIn = !core && random.nextInt(100) < 12;
        Integer perSession = dropIn ? null : 8 + random.nextInt(23);
        int taken;
        if (perSession == null) {
            taken = random.nextInt(10);
        } else if (core) {
            taken = random.nextInt(perSession / 2 + 1);
        } else {
            int fullness = random.nextInt(100);
            taken = fullness < 12 ? perSession : fullness < 25 ? perSession - 1 : random.nextInt(perSession);
        }
        boolean linkWorker = core || random.nextInt(100) < 88;
        boolean self = !linkWorker || random.nextInt(100) < 65;
        String instructions = linkWorker && self ? "Refer through Linkwork, or come along to any session."
                : linkWorker ? "By referral from a link worker or GP; we call back within a week."
                : "Just come along, or phone first if you would like to be met at the door.";
        String status = !core && random.nextInt(100) < 3 ? (random.nextBoolean() ? "inactive" : "temporarily closed") : "active";
        String price = PRICES[random.nextInt(PRICES.length)];
        String fees = free ? "Free" : "£" + price + " per session; free for people on benefits";
        int day = random.nextInt(28);
        serviceRows.add(row(q(id), q(organization.id()), q(name), q(template.description()),
                q("https://" + organization.slug() + ".example.org/activities/" + number), q("activities@" + organization.slug() + ".example.org"),
                q(status), q(fees), q(eligibility), number(minimumAge), number(maximumAge), number(perSession),
                Integer.toString(taken), Boolean.toString(self), Boolean.toString(linkWorker), q(instructions),
                q(String.format(Locale.ROOT, "2026-%02d-%02dT09:00:00Z", 1 + day % 10, 1 + day))));

        String location = organization.locations().get(random.nextInt(organization.locations().size()));
        atLocationRows.add(row(q(id("service_at_location", id)), q(id), q(location)));

        int sessions = random.nextInt(100) < 25 ? 2 : 1;
        int firstDay = random.nextInt(term.equals("befriending") || term.equals("money-and-debt-advice") ? 5 : 7);
        for (int s = 0; s < sessions; s++) {
            String byday = sessions == 2 ? DAY_CODES.get((firstDay + 2 * s) % 7)
                    : random.nextInt(100) < 15 ? DAY_CODES.get(firstDay) + "," + DAY_CODES.get((firstDay + 2) % 7) : DAY_CODES.get(firstDay);
            int opens = 9 * 60 + 30 * random.nextInt(20);
            int length = 60 + 30 * random.nextInt(4);
            String validTo = random.nextInt(100) < 15 ? "'2027-07-31'" : "NULL";
            scheduleRows.add(row(q(id("schedule", id + "/" + s)), q(id), q("WEEKLY"), q(byday), q(time(opens)),
                    q(time(opens + length)), q("2026-01-05"), validTo, q(sessions == 2 ? "Session " + (s + 1) : "Weekly session")));
        }

        attributeRows.add(row(q(id("attribute", id + "/" + term)), q(id), q(TERMS.get(term))));
        String second = term.equals("walking") || term.equals("dance") ? "physical-activity"
                : random.nextInt(100) < 35 ? pick(organization.terms().isEmpty() ? List.copyOf(TERMS.keySet()) : organization.terms()) : term;
        if (!second.equals(term)) {
            attributeRows.add(row(q(id("attribute", id + "/" + second)), q(id), q(TERMS.get(second))));
        }

        costRows.add(free ? row(q(id("cost_option", id)), q(id), q("Free"), q("GBP"), "0.00", q("No charge"))
                : row(q(id("cost_option", id)), q(id), q("Per session"), q("GBP"), price, q("Free for people on benefits")));
        languageRows.add(row(q(id("language", id + "/en")), q(id), q("English"), q("en")));
        if (random.nextInt(100) < 20) {
            String[] language = LANGUAGES.get(random.nextInt(LANGUAGES.size()));
            languageRows.add(row(q(id("language", id + "/" + language[1])), q(id), q(language[0]), q(language[1])));
        }
        String person = pick(PEOPLE);
        contactRows.add(row(q(id("contact", id)), q(id), q(person), q("Activity organiser"),
                q(person.split(" ")[0].toLowerCase(Locale.ROOT) + "@" + organization.slug() + ".example.org"),
                q(String.format(Locale.ROOT, "0113 496 0%03d", number % 1000))));
    }

    private void insert(String table, List<String> rows) {
        StringJoiner values = new StringJoiner(",\n    ", "INSERT INTO " + table + " VALUES\n    ", "\nON CONFLICT (id) DO NOTHING;\n");
        rows.forEach(values::add);
        sql.append(values);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String id(String kind, String name) {
        return UUID.nameUUIDFromBytes(("linkwork-demo-directory/" + kind + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String row(String... values) {
        return "(" + String.join(", ", values) + ")";
    }

    private static String q(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String number(Integer value) {
        return value == null ? "NULL" : value.toString();
    }

    private static String time(int minutes) {
        return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }

    private static double round(double value) {
        return Math.round(value * 100_000) / 100_000.0;
    }
}
