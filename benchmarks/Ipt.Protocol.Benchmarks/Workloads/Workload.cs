using Ipt.Protocol.Protocols;
using Ipt.Protocol.Samples;

namespace Ipt.Protocol.Benchmarks.Workloads;

/// <summary>
/// The realistic workload of the performance issue: a standard course of 16 held sessions with 10
/// people in the inventory, a PHQ-9 and a GAD-7 (item scores and total) in every treatment session
/// and 3–5 techniques per session; the same course with 5 protocol departures; and the same shape
/// at any length for the scaling benchmarks. Built on the canonical sample courses.
/// </summary>
internal static class Workload
{
    /// <summary>The rule ids the departures course triggers, one each.</summary>
    public static readonly string[] DepartureIds = ["IPT0104", "IPT0304", "IPT0404", "IPT0604", "IPT0704"];

    private static readonly TechniqueId Clarification = TechniqueId.From("clarification");
    private static readonly TechniqueId DirectElicitation = TechniqueId.From("direct-elicitation");

    /// <summary>Gets the protocol for a course of <paramref name="sessions"/> treatment sessions: standard IPT, stretched when longer than 16.</summary>
    public static ProtocolDefinition ProtocolFor(int sessions) => sessions == BuiltInProtocols.Standard.Sessions.Default
        ? BuiltInProtocols.Standard
        : BuiltInProtocols.Standard with
        {
            Id = ProtocolId.From("ipt-scale-" + sessions.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Sessions = new CountRange(12, sessions, Math.Max(sessions, 20)),
        };

    /// <summary>Builds the valid workload course with <paramref name="sessions"/> sessions.</summary>
    public static Course Valid(int sessions = 16) => Valid(ProtocolFor(sessions));

    /// <summary>Builds the valid workload course of a protocol (its default session count).</summary>
    public static Course Valid(ProtocolDefinition protocol)
    {
        var canonical = SampleCourses.Canonical(protocol);
        var n = canonical.Sessions.Count;
        var sessions = new List<Session>(n);
        foreach (var s in canonical.Sessions)
        {
            var k = s.Number;
            // Reliable improvement by mid-treatment (IPT0705), then on down to remission.
            var phq = Math.Max(3, 18 - ((k - 1) * 24 / Math.Max(1, n - 1)));
            var gad = Math.Max(2, 14 - ((k - 1) * 20 / Math.Max(1, n - 1)));
            var measures = new List<Measurement> { SampleCourses.Scored(BuiltInInstruments.Phq9, phq), SampleCourses.Scored(BuiltInInstruments.Gad7, gad) };
            measures.AddRange(s.Measures.Where(m => m.Instrument != BuiltInInstruments.Phq9.Id && m.Instrument != BuiltInInstruments.Gad7.Id));
            var techniques = s.Techniques.ToList();
            foreach (var extra in new[] { Clarification, DirectElicitation })
            {
                if (techniques.Count < 3 && !techniques.Contains(extra))
                {
                    techniques.Add(extra);
                }
            }

            sessions.Add(s with { Measures = ValueList.From(measures), Techniques = ValueList.From(techniques) });
        }

        var persons = canonical.Inventory.Persons.ToList();
        persons.AddRange(
        [
            new InventoryPerson(SampleCourses.P("p6"), Relationship.Parent) { Label = "Lee", Ring = 1, Contact = ContactFrequency.Weekly, Support = [SupportKind.Emotional, SupportKind.Practical] },
            new InventoryPerson(SampleCourses.P("p7"), Relationship.Friend) { Label = "Robin", Ring = 2, Contact = ContactFrequency.Weekly, Support = [SupportKind.Companionship] },
            new InventoryPerson(SampleCourses.P("p8"), Relationship.Colleague) { Label = "Kim", Ring = 3, Contact = ContactFrequency.Daily },
            new InventoryPerson(SampleCourses.P("p9"), Relationship.Sibling) { Label = "Max", Ring = 2, Contact = ContactFrequency.Monthly, Support = [SupportKind.Emotional] },
            new InventoryPerson(SampleCourses.P("p10"), Relationship.Friend) { Label = "Ari", Ring = 3, Contact = ContactFrequency.Rarely },
        ]);

        return canonical with
        {
            Sessions = ValueList.From(sessions),
            Inventory = new InterpersonalInventory(persons),
        };
    }

    /// <summary>The valid workload course held up to the session before <paramref name="next"/>; later sessions are planned and empty.</summary>
    public static Course InProgress(int next)
    {
        var course = Valid();
        return course with
        {
            Sessions = ValueList.From(course.Sessions.Select(s => s.Number < next ? s : s with { Status = SessionStatus.Planned, Tasks = [], Techniques = [], Measures = [] })),
        };
    }

    /// <summary>Builds the 16-session workload course with 5 protocol departures, one per id in <see cref="DepartureIds"/>.</summary>
    public static Course WithDepartures()
    {
        var course = Valid();
        var date6 = course.Sessions[5].Date;
        var date7 = course.Sessions[6].Date;
        course = course with
        {
            // IPT0304 and IPT0404: the formulation is not agreed, and the role dispute has no stage.
            Formulation = course.Formulation! with
            {
                Agreed = false,
                AgreedAtSession = null,
                AgreedOn = null,
                Areas = [new FocusArea(ProblemArea.RoleDispute) { Persons = [SampleCourses.P("p1")] }],
            },
        };

        // IPT0604: the last session records no relapse-prevention plan.
        course = course.WithSession(16, s => s with { Tasks = ValueList.From(s.Tasks.Where(t => t != SessionTask.RelapsePreventionPlan)) });

        // IPT0704: PHQ-9 item 9 scores 1 at session 5 without a risk review.
        course = course.WithSession(5, s => s with
        {
            Measures = ValueList.From(s.Measures.Select(m => m.Instrument == BuiltInInstruments.Phq9.Id ? new Measurement(BuiltInInstruments.Phq9.Id, 15, [3, 3, 3, 3, 2, 0, 0, 0, 1]) : m)),
        });

        // IPT0104: sessions 6 and 7 carry each other's dates.
        course = course.WithSession(6, s => s with { Date = date7 });
        return course.WithSession(7, s => s with { Date = date6 });
    }
}
