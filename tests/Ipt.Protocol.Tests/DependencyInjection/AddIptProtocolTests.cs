using System.Text;
using System.Text.Json;
using Ipt.Protocol.DependencyInjection;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Techniques;
using Ipt.Protocol.Tests.Docs;
using Microsoft.Extensions.DependencyInjection;

namespace Ipt.Protocol.Tests.DependencyInjection;

public class AddIptProtocolTests
{
    private static ServiceProvider Build(Action<IptProtocolBuilder>? configure = null, Action<IServiceCollection>? before = null, Action<IServiceCollection>? after = null)
    {
        var services = new ServiceCollection();
        before?.Invoke(services);
        services.AddIptProtocol(configure);
        after?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void Every_piece_is_registered_as_a_singleton_and_works()
    {
        using var provider = Build();
        var validator = provider.GetRequiredService<CourseValidator>();
        Assert.Same(validator, provider.GetRequiredService<CourseValidator>());
        Assert.Same(ProtocolRegistry.BuiltIn, provider.GetRequiredService<ProtocolRegistry>());
        Assert.Same(TechniqueCatalogue.BuiltIn, provider.GetRequiredService<TechniqueCatalogue>());
        Assert.True(validator.Validate(SampleCourses.Standard).IsClean);
        Assert.NotEmpty(provider.GetRequiredService<TechniqueAdvisor>().Suggest(SampleCourses.Standard, 8).Suggestions);
        Assert.True(provider.GetRequiredService<CourseJson>().TryRead(CourseJson.Default.WriteToString(SampleCourses.Standard)).Success);
        Assert.Same(IptJsonLimits.Default, provider.GetRequiredService<IptJsonLimits>());

        var services = new ServiceCollection().AddIptProtocol();
        Assert.All(services, d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
    }

    [Fact]
    public void The_keyed_json_options_read_and_write_courses()
    {
        using var provider = Build();
        var options = provider.GetRequiredKeyedService<JsonSerializerOptions>(IptProtocolServiceCollectionExtensions.JsonOptionsKey);
        var json = JsonSerializer.Serialize(SampleCourses.Standard, options);
        Assert.Equal(SampleCourses.Standard, JsonSerializer.Deserialize<Course>(json, options));
        Assert.Null(provider.GetService<JsonSerializerOptions>());
    }

    [Fact]
    public void Host_variants_rules_overrides_and_disabled_ids_reach_the_validator()
    {
        var nhs = BuiltInProtocols.Standard with { Id = ProtocolId.From("nhs-ipt"), Name = "IPT (NHS)", MeasurementIntervalSessions = 1 };
        using var provider = Build(b => b
            .AddProtocol(nhs)
            .SetProtocol(BuiltInProtocols.Brief with { MaxGapDays = 10 })
            .WithSeverity("IPT0602", DiagnosticSeverity.Info)
            .Disable("IPT0308"));
        var registry = provider.GetRequiredService<ProtocolRegistry>();
        Assert.True(registry.Contains(nhs.Id));
        Assert.Equal(10, registry[BuiltInProtocols.Brief.Id].MaxGapDays);
        var options = provider.GetRequiredService<ValidatorOptions>();
        Assert.Contains(new SeverityOverride("IPT0602", DiagnosticSeverity.Info), options.SeverityOverrides);
        Assert.Contains("IPT0308", options.DisabledIds);
        Assert.Same(registry, options.Protocols);

        var course = SampleCourses.Standard with { Protocol = nhs.Id };
        var report = provider.GetRequiredService<CourseValidator>().Validate(course);
        Assert.DoesNotContain(report.Diagnostics, d => d.Id == "IPT0002");
    }

    [Fact]
    public void Host_instruments_reach_the_validator_the_advisor_and_the_outcomes()
    {
        var phq8 = new Instrument { Id = InstrumentId.From("phq-8"), Name = "PHQ-8", TotalMax = 24, Citation = new Citation(Confidence.Low, "HOST") };
        var course = SampleCourses.Standard.WithSession(5, s => s.PlusMeasure(new Measurement(phq8.Id, 10)));

        using (var plain = Build())
        {
            Assert.Contains(plain.GetRequiredService<CourseValidator>().Validate(course).Diagnostics, d => d.Id == "IPT0706");
            Assert.False(plain.GetRequiredService<InstrumentRegistry>().Contains(phq8.Id));
        }

        using var provider = Build(b => b.AddInstrument(phq8).SetInstrument(BuiltInInstruments.Gad7 with { Name = "GAD-7 (clinic)" }));
        var instruments = provider.GetRequiredService<InstrumentRegistry>();
        Assert.True(instruments.Contains(phq8.Id));
        Assert.Equal("GAD-7 (clinic)", instruments[BuiltInInstruments.Gad7.Id].Name);
        Assert.Same(instruments, provider.GetRequiredService<ValidatorOptions>().Instruments);
        Assert.Same(instruments, provider.GetRequiredService<TechniqueAdvisor>().Instruments);
        Assert.Same(instruments, provider.GetRequiredService<Ipt.Protocol.Outcomes.OutcomeCalculator>().Options.Instruments);
        Assert.Same(provider.GetRequiredService<ProtocolRegistry>(), provider.GetRequiredService<Ipt.Protocol.Outcomes.OutcomeOptions>().Protocols);
        Assert.DoesNotContain(provider.GetRequiredService<CourseValidator>().Validate(course).Diagnostics, d => d.Id == "IPT0706");
        Assert.True(provider.GetRequiredService<Ipt.Protocol.Outcomes.OutcomeCalculator>().TryCalculate(course, out var outcome));
        Assert.Contains(outcome.Instruments, i => i.Instrument == phq8.Id);
    }

    [Fact]
    public void Adding_an_instrument_twice_fails_at_first_resolution_and_setting_one_does_not()
    {
        using var twice = Build(b => b.AddInstrument(BuiltInInstruments.Phq9));
        Assert.Throws<ArgumentException>(() => twice.GetRequiredService<InstrumentRegistry>());
        using var set = Build(b => b.SetInstrument(BuiltInInstruments.Phq9));
        Assert.Equal(BuiltInInstruments.Phq9, set.GetRequiredService<InstrumentRegistry>()[BuiltInInstruments.Phq9.Id]);
    }

    [Fact]
    public void Configure_applies_settings_from_other_services_at_first_resolution_and_checks_their_ids()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new List<string> { "IPT0308" });
        services.AddIptProtocol(b => b.Configure((ipt, sp) =>
        {
            foreach (var id in sp.GetRequiredService<List<string>>())
            {
                ipt.Disable(id);
            }
        }));
        using (var provider = services.BuildServiceProvider())
        {
            Assert.Contains("IPT0308", provider.GetRequiredService<ValidatorOptions>().DisabledIds);
        }

        services.AddSingleton(new List<string> { "IPT9999" });
        using var bad = services.BuildServiceProvider();
        var ex = Assert.Throws<InvalidOperationException>(() => bad.GetRequiredService<CourseValidator>());
        Assert.Contains("IPT9999", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contributor_catalogues_are_composed_in_order_over_the_built_in_one()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""
            { "schemaVersion": 1, "name": "second", "disable": ["diary-review"] }
            """));
        using var provider = Build(b => b
            .AddCatalogueFile(RepoFiles.PathOf("docs/examples/catalogue.example.json"))
            .AddCatalogue(stream, "second.json"));
        var catalogue = provider.GetRequiredService<TechniqueCatalogue>();
        Assert.True(catalogue.Contains(TechniqueId.From("workplace-conversation-rehearsal")));
        Assert.False(catalogue.Contains(TechniqueId.From("diary-review")));
        Assert.False(catalogue.Contains(TechniqueId.From("life-events-timeline")));
        Assert.Same(catalogue, provider.GetRequiredService<ValidatorOptions>().Techniques);
    }

    [Fact]
    public void A_bad_catalogue_fails_at_first_resolution_with_every_problem_located()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""
            { "schemaVersion": 1, "name": "bad",
              "entries": [ { "id": "Not Kebab", "name": "x", "group": "clarification", "description": "x" } ] }
            """));
        using var provider = Build(b => b.AddCatalogue(stream, "bad.json"));
        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<CourseValidator>());
        Assert.Contains("$.entries[0].id", ex.Message, StringComparison.Ordinal);
        Assert.Contains("citation", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_registration_made_before_wins()
    {
        var own = new CourseValidator(ValidatorOptions.Default.Disable("IPT0101"));
        using var provider = Build(before: s => s.AddSingleton(own));
        Assert.Same(own, provider.GetRequiredService<CourseValidator>());
    }

    [Fact]
    public void A_host_registration_made_after_replaces_the_piece()
    {
        var advisor = new TechniqueAdvisor(TechniqueCatalogue.Empty, ProtocolRegistry.BuiltIn);
        using var provider = Build(after: s => s.AddSingleton(advisor));
        Assert.Same(advisor, provider.GetRequiredService<TechniqueAdvisor>());
    }

    [Fact]
    public void Repeated_calls_share_one_configuration_and_register_once()
    {
        var services = new ServiceCollection()
            .AddIptProtocol(b => b.Disable("IPT0308"))
            .AddIptProtocol(b => b.Disable("IPT0309"));
        Assert.Single(services, d => d.ServiceType == typeof(CourseValidator));
        using var provider = services.BuildServiceProvider();
        Assert.Equal(["IPT0308", "IPT0309"], provider.GetRequiredService<ValidatorOptions>().DisabledIds);
    }

    [Fact]
    public void Json_limits_and_migrations_reach_the_reader()
    {
        var limits = IptJsonLimits.Default with { MaxDocumentBytes = 64 };
        using var provider = Build(b => b.WithJsonLimits(limits));
        Assert.Same(limits, provider.GetRequiredService<IptJsonLimits>());
        var read = provider.GetRequiredService<CourseJson>().TryRead(CourseJson.Default.WriteToString(SampleCourses.Standard));
        Assert.False(read.Success);
    }

    [Fact]
    public void Json_limits_reach_the_registered_json_options()
    {
        var json = CourseJson.Default.WriteToString(SampleCourses.Standard);
        using var tight = Build(b => b.WithJsonLimits(IptJsonLimits.Default with { MaxPersons = 1 }));
        var options = tight.GetRequiredKeyedService<JsonSerializerOptions>(IptProtocolServiceCollectionExtensions.JsonOptionsKey);
        var ex = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Course>(json, options));
        Assert.Contains("IptJsonLimits.MaxPersons", ex.Message, StringComparison.Ordinal);

        using var defaults = Build(_ => { });
        var fine = defaults.GetRequiredKeyedService<JsonSerializerOptions>(IptProtocolServiceCollectionExtensions.JsonOptionsKey);
        Assert.Equal(SampleCourses.Standard, JsonSerializer.Deserialize<Course>(json, fine));
    }

    [Fact]
    public void The_extension_class_lives_in_the_librarys_namespace() =>
        Assert.Equal("Ipt.Protocol.DependencyInjection", typeof(IptProtocolServiceCollectionExtensions).Namespace);
}
