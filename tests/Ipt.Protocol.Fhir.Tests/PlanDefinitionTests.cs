using Hl7.Fhir.Model;
using Ipt.Protocol.Protocols;

namespace Ipt.Protocol.Fhir.Tests;

/// <summary>A protocol's phases, cadence and tasks as a PlanDefinition: the same split and task list as the core's.</summary>
public class PlanDefinitionTests
{
    private static string[] Codes(PlanDefinition.ActionComponent action) =>
        [.. action.Action.Select(a => a.Code[0].Coding[0].Code ?? string.Empty)];

    [Fact]
    public void Ipsrt_has_a_maintenance_phase_that_tapers_and_keeps_the_middle_phases_tasks()
    {
        var plan = IptFhirMapper.Default.ToPlanDefinition(BuiltInProtocols.SocialRhythm);
        Assert.Equal(["initial", "middle", "maintenance", "termination"], plan.Action.Select(a => a.Code[0].Coding[0].Code));
        var middle = plan.Action[1];
        var maintenance = plan.Action[2];
        var termination = plan.Action[3];
        var weekly = Assert.IsType<Timing>(middle.Timing).Repeat!;
        Assert.Equal((1m, Timing.UnitsOfTime.Wk), (weekly.Period, weekly.PeriodUnit));
        var fortnightly = Assert.IsType<Timing>(maintenance.Timing).Repeat!;
        Assert.Equal((2m, Timing.UnitsOfTime.Wk), (fortnightly.Period, fortnightly.PeriodUnit));
        Assert.Equal(ActionRequiredBehavior.Could, maintenance.RequiredBehavior);
        var monthly = Assert.IsType<Timing>(termination.Timing).Repeat!;
        Assert.Equal((1m, Timing.UnitsOfTime.Mo), (monthly.Period, monthly.PeriodUnit));
        Assert.Equal(Codes(middle), Codes(maintenance));
        Assert.Equal(["intervalReview", "socialRhythmReview", "timeLimitReminder"], Codes(middle));
    }

    [Fact]
    public void The_tasks_are_the_cores_phase_task_list()
    {
        var plan = IptFhirMapper.Default.ToPlanDefinition(BuiltInProtocols.Standard);
        var written = plan.Action.SelectMany(Codes).ToArray();
        var expected = PhaseTasks.For(BuiltInProtocols.Standard)
            .Where(t => t.RecordedAs is not null)
            .Select(t => Ipt.Protocol.Fhir.Codes.Of(t.RecordedAs!.Value).Code)
            .ToArray();
        Assert.Equal(expected, written);
    }
}
