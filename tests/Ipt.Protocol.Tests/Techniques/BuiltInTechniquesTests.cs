using Ipt.Protocol.Protocols;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Tests.Techniques;

public class BuiltInTechniquesTests
{
    /// <summary>The technique ids of the shared contract (helper brief); never renamed.</summary>
    public static readonly string[] ContractIds =
    [
        "non-directive-exploration", "direct-elicitation", "acceptance-of-painful-affect",
        "use-of-affect-in-relationships", "generating-suppressed-affect", "clarification", "communication-analysis",
        "use-of-therapeutic-relationship", "directive-techniques", "decision-analysis", "role-play",
        "contract-setting", "administrative-details",
        "interpersonal-inventory", "closeness-circle", "interval-review", "psychoeducation", "sick-role",
        "interpersonal-formulation", "life-events-timeline", "guided-mourning", "relapse-prevention-plan",
        "ending-discussion", "progress-review", "continuation-planning", "caregiver-session",
        "social-rhythm-review", "pre-group-preparation",
        "relate-onset-to-death", "describe-events-around-death", "explore-feelings-about-loss", "new-relationships-after-loss",
        "relate-onset-to-dispute", "dispute-stage-assessment", "nonreciprocal-expectations",
        "parallels-in-other-relationships", "dispute-perpetuation-analysis",
        "old-and-new-role-review", "feelings-about-role-change", "new-role-opportunities", "social-support-and-skills",
        "past-relationships-review", "repeated-patterns",
        "transference-interpretation", "dream-interpretation", "free-association", "cognitive-restructuring", "exposure-hierarchy",
    ];

    private static TechniqueEntry Get(string id) =>
        TechniqueCatalogue.BuiltIn.TryGet(TechniqueId.From(id), out var entry) ? entry : throw new KeyNotFoundException(id);

    [Fact]
    public void The_catalogue_has_at_least_35_entries_and_every_contract_id()
    {
        Assert.True(TechniqueCatalogue.BuiltIn.Count >= 35);
        Assert.Equal(BuiltInTechniques.All.Count, TechniqueCatalogue.BuiltIn.Count);
        foreach (var id in ContractIds)
        {
            Assert.True(TechniqueCatalogue.BuiltIn.Contains(TechniqueId.From(id)), id);
        }
    }

    [Fact]
    public void Every_entry_cites_known_sources()
    {
        foreach (var entry in BuiltInTechniques.All)
        {
            Assert.False(entry.Citation.Sources.IsEmpty);
            Assert.All(entry.Citation.Sources, key => Assert.True(Sources.TryGet(key, out _), $"{entry.Id}: {key}"));
        }
    }

    [Fact]
    public void The_catalogue_enumerates_in_id_order()
    {
        var ids = TechniqueCatalogue.BuiltIn.Select(e => e.Id.Value).ToList();
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), ids);
    }

    [Fact]
    public void Technique_ids_class_names_every_built_in_entry()
    {
        Assert.Equal(TechniqueId.From("communication-analysis"), TechniqueIds.CommunicationAnalysis);
        Assert.Equal(TechniqueId.From("pre-group-preparation"), TechniqueIds.PreGroupPreparation);
        var properties = typeof(TechniqueIds).GetProperties().Select(p => (TechniqueId)p.GetValue(null)!).ToHashSet();
        Assert.Equal(BuiltInTechniques.All.Select(e => e.Id).ToHashSet(), properties);
    }

    [Fact]
    public void Phase_bound_tasks_apply_in_their_phase_only()
    {
        var inventory = Get("interpersonal-inventory");
        Assert.Equal([Phase.Initial], Enum.GetValues<Phase>().Where(inventory.AppliesIn));
        var relapse = Get("relapse-prevention-plan");
        Assert.Equal([Phase.Termination], Enum.GetValues<Phase>().Where(relapse.AppliesIn));
        Assert.Equal([Phase.PreTreatment], Enum.GetValues<Phase>().Where(Get("pre-group-preparation").AppliesIn));
    }

    [Fact]
    public void Non_ipt_techniques_are_flagged_and_apply_in_no_phase()
    {
        var nonIpt = BuiltInTechniques.All.Where(e => !e.IsIpt).Select(e => e.Id.Value).Order(StringComparer.Ordinal);
        Assert.Equal(["cognitive-restructuring", "dream-interpretation", "exposure-hierarchy", "free-association", "transference-interpretation"], nonIpt);
        Assert.All(BuiltInTechniques.All.Where(e => !e.IsIpt), e =>
        {
            Assert.Equal(TechniqueGroup.NonIpt, e.Group);
            Assert.DoesNotContain(Enum.GetValues<Phase>(), e.AppliesIn);
        });
        Assert.All(BuiltInTechniques.All.Where(e => e.IsIpt), e => Assert.Contains(Enum.GetValues<Phase>(), e.AppliesIn));
    }

    [Theory]
    [InlineData(ProblemArea.Grief, "relate-onset-to-death", "describe-events-around-death", "explore-feelings-about-loss", "new-relationships-after-loss", "guided-mourning")]
    [InlineData(ProblemArea.RoleDispute, "relate-onset-to-dispute", "dispute-stage-assessment", "nonreciprocal-expectations", "parallels-in-other-relationships", "dispute-perpetuation-analysis")]
    [InlineData(ProblemArea.RoleTransition, "old-and-new-role-review", "feelings-about-role-change", "new-role-opportunities", "social-support-and-skills")]
    [InlineData(ProblemArea.InterpersonalDeficits, "past-relationships-review", "repeated-patterns", "use-of-therapeutic-relationship", "role-play")]
    public void Each_problem_area_has_its_strategies(ProblemArea area, params string[] expected)
    {
        var strategies = BuiltInTechniques.All.Where(e => e.StrategyFor.Contains(area)).Select(e => e.Id.Value);
        Assert.Equal(expected.Order(StringComparer.Ordinal), strategies.Order(StringComparer.Ordinal));
        Assert.All(expected, id =>
        {
            var entry = Get(id);
            Assert.True(entry.WeightFor(area) > 0, id);
            Assert.True(entry.AppliesIn(Phase.Middle), id);
        });
    }

    [Fact]
    public void Variant_specific_entries_name_their_variants()
    {
        Assert.Equal([BuiltInProtocols.Adolescent.Id], Get("caregiver-session").Variants);
        Assert.Equal([BuiltInProtocols.SocialRhythm.Id], Get("social-rhythm-review").Variants);
        Assert.True(Get("pre-group-preparation").AppliesTo(BuiltInProtocols.WhoGroup.Id));
        Assert.True(Get("pre-group-preparation").AppliesTo(BuiltInProtocols.BingeEatingGroup.Id));
        Assert.False(Get("pre-group-preparation").AppliesTo(BuiltInProtocols.Standard.Id));
        Assert.True(Get("communication-analysis").AppliesTo(BuiltInProtocols.Standard.Id));
    }

    [Fact]
    public void Every_technique_of_every_sample_course_applies_where_it_is_recorded()
    {
        foreach (var (protocol, course) in SampleCourses.All)
        {
            foreach (var session in course.Sessions)
            {
                foreach (var id in session.Techniques)
                {
                    Assert.True(TechniqueCatalogue.BuiltIn.TryGet(id, out var entry), $"{protocol} session {session.Number}: {id} is not in the catalogue");
                    Assert.True(entry.IsIpt, $"{protocol}: {id}");
                    Assert.True(entry.AppliesTo(protocol), $"{protocol} session {session.Number}: {id} does not apply to the variant");
                    Assert.True(entry.AppliesIn(session.Phase), $"{protocol} session {session.Number}: {id} does not apply in {session.Phase}");
                }
            }
        }
    }

    [Fact]
    public void Phase_task_entries_carry_their_session_task()
    {
        Assert.Equal(SessionTask.InterpersonalInventory, Get("interpersonal-inventory").Task);
        Assert.Equal(SessionTask.EndingRaised, Get("ending-discussion").Task);
        Assert.Equal(SessionTask.RelapsePreventionPlan, Get("relapse-prevention-plan").Task);
        Assert.Equal(SessionTask.CaregiverInvolvement, Get("caregiver-session").Task);
        Assert.Equal(SessionTask.SocialRhythmReview, Get("social-rhythm-review").Task);
        Assert.True(Get("relapse-prevention-plan").OneOff);
        Assert.False(Get("interval-review").OneOff);
    }

    [Fact]
    public void Stage_weights_follow_the_role_dispute_stage()
    {
        var analysis = Get("dispute-perpetuation-analysis");
        Assert.True(analysis.WeightFor(RoleDisputeStage.Impasse) > analysis.WeightFor(RoleDisputeStage.Dissolution));
        var transition = Get("old-and-new-role-review");
        Assert.True(transition.WeightFor(RoleDisputeStage.Dissolution) > 0);
        Assert.Equal(0, transition.WeightFor(RoleDisputeStage.Impasse));
    }
}
