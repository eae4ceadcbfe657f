using NodaTime;

namespace Ipt.Protocol.Tests.Model;

/// <summary>Local invariants are enforced where a value is built, with an ArgumentException naming the parameter.</summary>
public class InvariantTests
{
    private static readonly PersonId P1 = PersonId.From("p1");

    private static void ThrowsNaming(string parameter, Action build)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(build);
        Assert.Equal(parameter, ex.ParamName);
    }

    [Fact]
    public void Session_number_is_1_or_more()
    {
        ThrowsNaming("Number", () => _ = new Session(0, Phase.Initial));
        ThrowsNaming("Number", () => _ = new Session(1, Phase.Initial) with { Number = -3 });
        Assert.Equal(1, new Session(1, Phase.Initial).Number);
    }

    [Fact]
    public void Session_length_is_positive_and_at_most_a_day()
    {
        ThrowsNaming("Length", () => _ = new Session(1, Phase.Initial) { Length = Duration.Zero });
        ThrowsNaming("Length", () => _ = new Session(1, Phase.Initial) { Length = Duration.FromMinutes(-5) });
        ThrowsNaming("Length", () => _ = new Session(1, Phase.Initial) { Length = Duration.FromHours(25) });
        Assert.Equal(Duration.FromMinutes(50), new Session(1, Phase.Initial) { Length = Duration.FromMinutes(50) }.Length);
    }

    [Fact]
    public void Enum_values_must_be_defined()
    {
        ThrowsNaming("Phase", () => _ = new Session(1, (Phase)42));
        ThrowsNaming("Status", () => _ = new Session(1, Phase.Initial) { Status = (SessionStatus)9 });
        ThrowsNaming("Tasks", () => _ = new Session(1, Phase.Initial) { Tasks = [(SessionTask)99] });
        ThrowsNaming("Area", () => _ = new FocusArea((ProblemArea)7));
        ThrowsNaming("Relationship", () => _ = new InventoryPerson(P1, (Relationship)50));
    }

    [Fact]
    public void Free_text_is_null_or_1_to_10000_characters()
    {
        ThrowsNaming("Notes", () => _ = new Session(1, Phase.Initial) { Notes = string.Empty });
        ThrowsNaming("Notes", () => _ = new Session(1, Phase.Initial) { Notes = new string('x', 10_001) });
        ThrowsNaming("Description", () => _ = new Goal(GoalId.From("g1"), string.Empty));
        Assert.Null(new Session(1, Phase.Initial).Notes);
    }

    [Fact]
    public void Patient_age_is_between_0_and_130()
    {
        var course = new Course(ProtocolId.From("ipt"));
        ThrowsNaming("PatientAge", () => _ = course with { PatientAge = -1 });
        ThrowsNaming("PatientAge", () => _ = course with { PatientAge = 131 });
        Assert.Equal(15, (course with { PatientAge = 15 }).PatientAge);
    }

    [Fact]
    public void Closeness_ring_lies_within_the_circle()
    {
        ThrowsNaming("Ring", () => _ = new InventoryPerson(P1, Relationship.Partner) { Ring = 0 });
        ThrowsNaming("persons", () => _ = new InterpersonalInventory([new InventoryPerson(P1, Relationship.Partner) { Ring = 4 }]));
        var five = new InterpersonalInventory([new InventoryPerson(P1, Relationship.Partner) { Ring = 4 }], rings: 5);
        Assert.Equal(4, five.Persons[0].Ring);
        ThrowsNaming("persons", () => _ = five.WithRings(3));
        ThrowsNaming("rings", () => _ = new InterpersonalInventory([], rings: 0));
        ThrowsNaming("rings", () => _ = new InterpersonalInventory([], rings: 11));
    }

    [Fact]
    public void Inventory_person_ids_are_unique()
    {
        var a = new InventoryPerson(P1, Relationship.Partner);
        var b = new InventoryPerson(P1, Relationship.Friend);
        var ex = Assert.Throws<ArgumentException>(() => new InterpersonalInventory([a, b]));
        Assert.Equal("persons", ex.ParamName);
        Assert.Contains("p1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Phq9_items_are_0_to_3_and_nine_of_them()
    {
        var phq9 = BuiltInInstruments.Phq9.Id;
        ThrowsNaming("items", () => _ = new Measurement(phq9, items: [0, 1, 2, 3, 4, 0, 0, 0, 0]));
        ThrowsNaming("items", () => _ = new Measurement(phq9, items: [0, 1, 2]));
        ThrowsNaming("items", () => _ = new Measurement(phq9, items: [0, 0, 0, 0, 0, 0, 0, 0, -1]));
        var ok = new Measurement(phq9, items: [3, 3, 3, 3, 3, 3, 3, 3, 3]);
        Assert.Equal(27, ok.Score);
        Assert.Equal(3, ok.Item(9));
    }

    [Fact]
    public void A_measurement_has_a_total_or_items_and_no_negative_total()
    {
        ThrowsNaming("total", () => _ = new Measurement(BuiltInInstruments.Phq9.Id));
        ThrowsNaming("total", () => _ = new Measurement(BuiltInInstruments.Phq9.Id, total: -1));
        ThrowsNaming("instrument", () => _ = new Measurement(default, total: 3));

        // A total above the instrument's range is a protocol finding for the rule engine, not a model invariant.
        Assert.Equal(40, new Measurement(BuiltInInstruments.Phq9.Id, total: 40).Score);

        // Host instruments are not checked item by item.
        Assert.Equal(3, new Measurement(InstrumentId.From("my-scale"), items: [1, 1, 1]).Score);
    }

    [Fact]
    public void Diary_mood_is_0_to_10()
    {
        var date = new LocalDate(2026, 12, 9);
        ThrowsNaming("Mood", () => _ = new InterpersonalEvent { Date = date, Mood = 11 });
        ThrowsNaming("Mood", () => _ = new InterpersonalEvent { Date = date, Mood = -1 });
        Assert.Equal(0, new InterpersonalEvent { Date = date, Mood = 0 }.Mood);
    }

    [Fact]
    public void Contract_and_renegotiation_counts_and_frequency_are_positive()
    {
        ThrowsNaming("Sessions", () => _ = new Contract { Sessions = 0 });
        ThrowsNaming("Frequency", () => _ = new Contract { Sessions = 16, Frequency = Period.Zero });
        ThrowsNaming("Frequency", () => _ = new Contract { Sessions = 16, Frequency = Period.FromHours(3) });
        ThrowsNaming("AtSession", () => _ = new Renegotiation { AtSession = 0 });
        ThrowsNaming("GrantedAtSession", () => _ = new SickRole { GrantedAtSession = 0 });
    }

    [Fact]
    public void Ids_must_be_present()
    {
        ThrowsNaming("Protocol", () => _ = new Course(default(ProtocolId)));
        ThrowsNaming("Id", () => _ = new InventoryPerson(default, Relationship.Friend));
        ThrowsNaming("Id", () => _ = new Goal(default, "x"));
    }

    [Fact]
    public void A_citation_names_at_least_one_source()
    {
        ThrowsNaming("Sources", () => _ = new Citation(Confidence.High));
        ThrowsNaming("Sources", () => _ = new Citation(Confidence.High, " "));
        Assert.Equal("WMK, MARK (H)", new Citation(Confidence.High, "WMK", "MARK").ToString());
        Assert.Equal("WMK ch. 8 (M)", new Citation(Confidence.Medium, "WMK").WithLocator("ch. 8").ToString());
    }

    [Fact]
    public void Every_built_in_instrument_cites_a_known_source_and_has_ordered_bands()
    {
        foreach (var instrument in BuiltInInstruments.All)
        {
            Assert.All(instrument.Citation.Sources, key => Assert.True(Sources.TryGet(key, out _), key));
            var previous = instrument.TotalMin - 1;
            foreach (var band in instrument.Bands)
            {
                Assert.Equal(previous + 1, band.Min);
                previous = band.Max;
            }

            if (!instrument.Bands.IsEmpty)
            {
                Assert.Equal(instrument.TotalMax, previous);
            }
        }
    }
}
