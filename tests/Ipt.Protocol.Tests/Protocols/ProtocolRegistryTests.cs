using Ipt.Protocol.Protocols;

namespace Ipt.Protocol.Tests.Protocols;

public class ProtocolRegistryTests
{
    [Fact]
    public void Built_in_variants_are_found_by_id_in_reference_order()
    {
        var registry = ProtocolRegistry.BuiltIn;
        Assert.True(registry.TryGet(ProtocolId.From("ipt-a"), out var adolescent));
        Assert.Same(BuiltInProtocols.Adolescent, adolescent);
        Assert.Equal("ipt", registry.First().Id.Value);
        Assert.False(registry.Contains(ProtocolId.From("ipt-x")));
        Assert.Throws<KeyNotFoundException>(() => registry[ProtocolId.From("ipt-x")]);
    }

    [Fact]
    public void The_instrument_registry_and_the_technique_catalogue_are_indexed_by_id_like_the_protocol_registry()
    {
        Assert.Same(BuiltInInstruments.Gad7, InstrumentRegistry.BuiltIn[BuiltInInstruments.Gad7.Id]);
        var unknownInstrument = Assert.Throws<KeyNotFoundException>(() => InstrumentRegistry.BuiltIn[InstrumentId.From("phq-8")]);
        Assert.Contains("phq-8", unknownInstrument.Message, StringComparison.Ordinal);

        Assert.Equal(Ipt.Protocol.Techniques.TechniqueIds.RiskReview, Ipt.Protocol.Techniques.TechniqueCatalogue.BuiltIn[Ipt.Protocol.Techniques.TechniqueIds.RiskReview].Id);
        Assert.Throws<KeyNotFoundException>(() => Ipt.Protocol.Techniques.TechniqueCatalogue.Empty[Ipt.Protocol.Techniques.TechniqueIds.RiskReview]);
    }

    [Fact]
    public void Registries_and_catalogues_are_values_equal_by_their_entries_in_order()
    {
        var nhs = BuiltInProtocols.Standard with { Id = ProtocolId.From("nhs-ipt") };
        Assert.Equal(ProtocolRegistry.BuiltIn.Add(nhs), ProtocolRegistry.BuiltIn.Add(nhs));
        Assert.True(ProtocolRegistry.BuiltIn.Add(nhs) == ProtocolRegistry.BuiltIn.Add(nhs));
        Assert.Equal(ProtocolRegistry.BuiltIn.Add(nhs).GetHashCode(), ProtocolRegistry.BuiltIn.Add(nhs).GetHashCode());
        Assert.NotEqual(ProtocolRegistry.BuiltIn, ProtocolRegistry.BuiltIn.Add(nhs));
        Assert.True(ProtocolRegistry.BuiltIn.SetItem(BuiltInProtocols.Brief with { MaxGapDays = 10 }) != ProtocolRegistry.BuiltIn);
        Assert.Equal("Protocol registry (11 variants)", ProtocolRegistry.BuiltIn.ToString());

        var phq8 = new Instrument { Id = InstrumentId.From("phq-8"), Name = "PHQ-8", TotalMax = 24, Citation = new Citation(Confidence.Low, "HOST") };
        Assert.Equal(InstrumentRegistry.BuiltIn.Add(phq8), InstrumentRegistry.BuiltIn.Add(phq8));
        Assert.NotEqual(InstrumentRegistry.BuiltIn, InstrumentRegistry.BuiltIn.Add(phq8));
        Assert.Equal($"Instrument registry ({BuiltInInstruments.All.Count} instruments)", InstrumentRegistry.BuiltIn.ToString());

        Assert.Equal(Ipt.Protocol.Techniques.TechniqueCatalogue.BuiltIn, Ipt.Protocol.Techniques.TechniqueCatalogue.Create(Ipt.Protocol.Techniques.BuiltInTechniques.All));
        Assert.NotEqual(Ipt.Protocol.Techniques.TechniqueCatalogue.BuiltIn, Ipt.Protocol.Techniques.TechniqueCatalogue.Empty);

        // Options that hold them compare by value too.
        Assert.Equal(new Ipt.Protocol.Rules.ValidatorOptions { Protocols = ProtocolRegistry.BuiltIn.Add(nhs) }, new Ipt.Protocol.Rules.ValidatorOptions { Protocols = ProtocolRegistry.BuiltIn.Add(nhs) });
    }

    [Fact]
    public void A_host_registers_its_own_variant_derived_from_a_built_in()
    {
        var nhs = BuiltInProtocols.Standard with
        {
            Id = ProtocolId.From("nhs-ipt"),
            Name = "IPT in NHS Talking Therapies",
            MeasurementIntervalSessions = 1,
        };
        var registry = ProtocolRegistry.BuiltIn.Add(nhs);
        Assert.Equal(12, registry.Count);
        Assert.Equal(1, registry[ProtocolId.From("nhs-ipt")].MeasurementIntervalSessions);
        Assert.Equal(11, ProtocolRegistry.BuiltIn.Count);
    }

    [Fact]
    public void Adding_an_existing_id_needs_SetItem()
    {
        var changed = BuiltInProtocols.Standard with { MaxGapDays = 21 };
        Assert.Throws<ArgumentException>(() => ProtocolRegistry.BuiltIn.Add(changed));
        var registry = ProtocolRegistry.BuiltIn.SetItem(changed);
        Assert.Equal(11, registry.Count);
        Assert.Equal(21, registry[ProtocolId.From("ipt")].MaxGapDays);
        Assert.Equal(14, ProtocolRegistry.BuiltIn[ProtocolId.From("ipt")].MaxGapDays);
    }

    [Fact]
    public void An_inconsistent_definition_is_refused_with_the_reason()
    {
        var broken = BuiltInProtocols.Standard with
        {
            Id = ProtocolId.From("broken"),
            InitialSessions = new CountRange(1, 10, 10),
            TerminationSessions = new CountRange(2, 8, 8),
        };
        var ex = Assert.Throws<ArgumentException>(() => ProtocolRegistry.Empty.Add(broken));
        Assert.Contains("initialSessions.default", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ranges_check_their_order()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CountRange(5, 4, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CountRange(-1, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IntRange(18, 12));
        Assert.Throws<ArgumentOutOfRangeException>(() => DurationRange.Minutes(50, 45, 60));
        Assert.Throws<ArgumentOutOfRangeException>(() => BuiltInProtocols.Standard with { CorePhase = Phase.Initial });
        Assert.Equal("12–16 (default 16)", new CountRange(12, 16, 16).ToString());
        Assert.Equal("45–50 min", DurationRange.Minutes(45, 50, 50).ToString());
    }
}
