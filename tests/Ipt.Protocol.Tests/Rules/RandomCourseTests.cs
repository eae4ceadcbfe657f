using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;
using NodaTime;

namespace Ipt.Protocol.Tests.Rules;

/// <summary>The validator never throws and is deterministic for any course the model can represent.</summary>
public class RandomCourseTests
{
    private const int Courses = 2_000;

    [Fact]
    public void Validate_never_throws_never_fails_a_rule_and_is_deterministic_over_random_courses()
    {
        var validators = new[] { CourseValidator.Default, RuleTestKit.WithCatalogue };
        for (var seed = 0; seed < Courses; seed++)
        {
            var course = RandomCourse.Build(seed);
            var again = RandomCourse.Build(seed);
            Assert.Equal(course, again);
            foreach (var validator in validators)
            {
                var report = validator.Validate(course);
                Assert.True(report.Diagnostics.All(d => d.Id != "IPT0001"), $"seed {seed}: {string.Join("\n", report.Diagnostics.Where(d => d.Id == "IPT0001"))}");
                Assert.Equal(report, validator.Validate(again));
                Assert.All(report.Diagnostics, d => Assert.DoesNotContain("{", d.Message, StringComparison.Ordinal));
                _ = report.ToDictionary();
                if (BuiltInProtocols.All.FirstOrDefault(p => p.Id == course.Protocol) is null)
                {
                    // Unknown ids can still be checked against any definition.
                    Assert.DoesNotContain(validator.Validate(course, BuiltInProtocols.Standard).Diagnostics, d => d.Id == "IPT0001");
                }
            }
        }
    }
}

/// <summary>A seeded generator of arbitrary (model-valid, protocol-breaking) courses.</summary>
internal static class RandomCourse
{
    private static readonly string[] TechniqueIds =
    [
        "psychoeducation", "sick-role", "interpersonal-inventory", "interval-review", "role-play", "nonreciprocal-expectations",
        "guided-mourning", "dream-interpretation", "free-association", "progress-review", "ending-discussion", "made-up-technique",
    ];

    public static Course Build(int seed)
    {
        var r = new Random(seed);
        var protocols = BuiltInProtocols.All;
        var protocol = r.Next(20) == 0 ? ProtocolId.From("unknown-variant") : protocols[r.Next(protocols.Count)].Id;
        var start = new LocalDate(2026, 1, 1).PlusDays(r.Next(-400, 400));
        var sessionCount = r.Next(10) == 0 ? r.Next(0, 120) : r.Next(0, 30);
        var sessions = new List<Session>(sessionCount);
        var date = start;
        for (var i = 0; i < sessionCount; i++)
        {
            var number = r.Next(8) == 0 ? r.Next(1, 60) : i + 1;
            date = date.PlusDays(r.Next(-3, 30));
            sessions.Add(new Session(number, Pick<Phase>(r))
            {
                Date = r.Next(6) == 0 ? null : date,
                Length = r.Next(5) == 0 ? null : Duration.FromMinutes(r.Next(1, 180)),
                Format = Pick<SessionFormat>(r),
                Status = Pick<SessionStatus>(r),
                Tasks = ValueList.From(Enumerable.Range(0, r.Next(0, 6)).Select(_ => Pick<SessionTask>(r))),
                Techniques = ValueList.From(Enumerable.Range(0, r.Next(0, 4)).Select(_ => TechniqueId.From(TechniqueIds[r.Next(TechniqueIds.Length)]))),
                Measures = ValueList.From(Enumerable.Range(0, r.Next(0, 3)).Select(_ => Measure(r))),
            });
        }

        var persons = Enumerable.Range(1, r.Next(0, 6)).Select(k => new InventoryPerson(PersonId.From("p" + k), Pick<Relationship>(r))
        {
            Ring = r.Next(3) == 0 ? null : r.Next(1, 4),
            RelatedArea = r.Next(2) == 0 ? null : Pick<ProblemArea>(r),
            Deceased = r.Next(5) == 0,
        });

        return new Course(protocol)
        {
            PatientAge = r.Next(3) == 0 ? null : r.Next(0, Course.MaxAge + 1),
            Contract = r.Next(4) == 0 ? null : new Contract
            {
                Sessions = r.Next(1, 70),
                Frequency = r.Next(3) == 0 ? null : Period.FromDays(r.Next(1, 40)),
                SessionLength = r.Next(3) == 0 ? null : Duration.FromMinutes(r.Next(1, 120)),
                StartDate = r.Next(3) == 0 ? null : start.PlusDays(r.Next(-30, 30)),
                AgreedAtSession = r.Next(3) == 0 ? null : r.Next(1, 20),
            },
            Renegotiations = ValueList.From(Enumerable.Range(0, r.Next(0, 3)).Select(_ => new Renegotiation
            {
                AtSession = r.Next(1, 30),
                Sessions = r.Next(2) == 0 ? null : r.Next(1, 40),
                Frequency = r.Next(2) == 0 ? null : Period.FromWeeks(r.Next(1, 5)),
                ChangesFocus = r.Next(2) == 0,
            })),
            Formulation = r.Next(5) == 0 ? null : new Formulation
            {
                Areas = ValueList.From(Enumerable.Range(0, r.Next(0, 5)).Select(_ => new FocusArea(Pick<ProblemArea>(r), Pick<FocusRank>(r))
                {
                    DisputeStage = r.Next(2) == 0 ? null : Pick<RoleDisputeStage>(r),
                    Persons = r.Next(2) == 0 ? [] : [PersonId.From("p" + r.Next(1, 9))],
                })),
                ChosenAtSession = r.Next(3) == 0 ? null : r.Next(1, 20),
                Agreed = r.Next(2) == 0,
                AgreedAtSession = r.Next(3) == 0 ? null : r.Next(1, 20),
            },
            SickRole = r.Next(3) == 0 ? null : new SickRole { GrantedAtSession = r.Next(1, 20) },
            Inventory = new InterpersonalInventory(persons),
            Sessions = ValueList.From(sessions),
        };
    }

    private static Measurement Measure(Random r)
    {
        var instruments = Instruments.All;
        switch (r.Next(4))
        {
            case 0:
                return new Measurement(InstrumentId.From("unknown-scale"), r.Next(0, 500));
            case 1:
                var instrument = instruments[r.Next(instruments.Count)];
                if (instrument.ItemCount is { } count && instrument.ItemMax is { } max)
                {
                    var items = Enumerable.Range(0, count).Select(_ => r.Next(instrument.ItemMin, max + 1)).ToArray();
                    return new Measurement(instrument.Id, r.Next(2) == 0 ? null : r.Next(0, instrument.TotalMax + 5), items);
                }

                return new Measurement(instrument.Id, r.Next(0, instrument.TotalMax + 5));
            default:
                var any = instruments[r.Next(instruments.Count)];
                return new Measurement(any.Id, r.Next(0, any.TotalMax + 10));
        }
    }

    private static T Pick<T>(Random r)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return values[r.Next(values.Length)];
    }
}
