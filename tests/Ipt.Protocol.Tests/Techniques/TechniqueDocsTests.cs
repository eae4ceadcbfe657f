using System.Globalization;
using System.Text;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Techniques;

using Ipt.Protocol.Tests.Snapshots;

namespace Ipt.Protocol.Tests.Techniques;

public class TechniqueDocsTests
{
    private static readonly (TechniqueGroup Group, string Title)[] Sections =
    [
        (TechniqueGroup.Exploratory, "Exploratory techniques"),
        (TechniqueGroup.EncouragementOfAffect, "Encouragement of affect"),
        (TechniqueGroup.Clarification, "Clarification"),
        (TechniqueGroup.CommunicationAnalysis, "Communication analysis"),
        (TechniqueGroup.TherapeuticRelationship, "Use of the therapeutic relationship"),
        (TechniqueGroup.BehaviourChange, "Behaviour change"),
        (TechniqueGroup.Adjunctive, "Adjunctive techniques"),
        (TechniqueGroup.IptStructure, "IPT structures, phase tasks and problem-area strategies"),
        (TechniqueGroup.NonIpt, "Not IPT (flagged when recorded)"),
    ];

    private static string RepositoryRoot() => Snapshot.RepositoryRoot;

    private static string Camel<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static string Weight(double w) => w.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Render()
    {
        var sb = new StringBuilder();
        sb.Append("""
            # Built-in technique catalogue

            <!-- Generated from BuiltInTechniques by tests/Ipt.Protocol.Tests/Techniques/TechniqueDocsTests.cs.
                 Do not edit by hand: change the code, run the tests, and copy techniques.received.md over this file. -->

            `TechniqueCatalogue.BuiltIn` holds every general technique of Weissman's list, the IPT
            structures and phase tasks that act as techniques, the strategies of each problem area, and
            the techniques that are not IPT (the rule engine warns when one is recorded). Every entry
            cites its sources by the keys of the domain reference, with a confidence mark (H, M, L).

            How to read the tables:

            - **Phases**: the weight (0 to 1) of the entry in each phase. A phase that is not listed is a
              phase where the entry does not apply (the rule engine flags a recording there). No source
              gives a strict technique × phase table, so these are weights, not prohibitions, except for
              plainly phase-bound tasks (the inventory in the initial phase, the relapse-prevention plan in
              termination). The weights are the library's reading of the sources (an inference).
            - **Areas / stages**: the weight for each problem area and role-dispute stage; none listed means
              a general technique. **Strategy for** marks an area's own strategies (section 5 of the domain
              reference), which the advisor prefers in the middle phase.
            - **Variants**: the protocol variants the entry applies to (all when none). **Task**: the
              session task the entry carries out (recording either counts as done). **One-off**: done once
              per course, so not suggested again.

            Names are the JSON names used by contributor catalogues (see [extending.md](extending.md)).

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        sb.Append(CultureInfo.InvariantCulture, $"\nThe catalogue has {BuiltInTechniques.All.Count} entries.\n");
        foreach (var (group, title) in Sections)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n## {title}\n\n");
            sb.Append(CultureInfo.InvariantCulture, $"Group `{Camel(group)}`.\n\n");
            sb.Append("| Id | Name | Description | Phases | Areas / stages | Strategy for | Variants | Task | One-off | Citation |\n");
            sb.Append("|---|---|---|---|---|---|---|---|---|---|\n");
            foreach (var e in BuiltInTechniques.All.Where(e => e.Group == group))
            {
                var phases = e.PhaseWeights.IsEmpty ? "—" : string.Join(", ", e.PhaseWeights.Select(w => $"{Camel(w.Phase)} {Weight(w.Weight)}"));
                var areas = e.AreaWeights.Select(w => $"{Camel(w.Area)} {Weight(w.Weight)}")
                    .Concat(e.StageWeights.Select(w => $"{Camel(w.Stage)} {Weight(w.Weight)}"))
                    .ToList();
                var strategy = e.StrategyFor.IsEmpty ? "" : string.Join(", ", e.StrategyFor.Select(Camel));
                var variants = e.Variants.IsEmpty ? "all" : string.Join(", ", e.Variants.Select(v => $"`{v}`"));
                var task = e.Task is { } t ? $"`{Camel(t)}`" : "";
                sb.Append(CultureInfo.InvariantCulture,
                    $"| `{e.Id}` | {e.Name} | {e.Description} | {phases} | {(areas.Count == 0 ? "general" : string.Join(", ", areas))} | {strategy} | {variants} | {task} | {(e.OneOff ? "yes" : "")} | {e.Citation} |\n");
            }
        }

        sb.Append("""

            ## Risk review before everything else

            While a safety signal is open, the advisor's first suggestion is `risk-review`
            (`SuggestionReason.Safety`, score 5), above every overdue task: a safety item scored above
            0, a total at caseness without its safety item, or a rise of at least the reliable change
            (or into the most severe band), with no risk review recorded in that session or since. It
            is also first at the first contact, where risk is assessed. The signals are the ones the
            rules report (IPT0704, IPT0707, IPT0708, IPT0309), so the advice and the findings agree. The
            rationale names the instrument, the item or scores and the session, and says to follow the
            service's safety procedure: the library states protocol facts, not clinical advice.
            [NHSTT, KROENKE01, CONVENTION]

            ## Phase tasks the advisor puts first

            `TechniqueAdvisor` ranks these tasks before the weighted entries: as **due** (score from 2)
            in their window, as **overdue** (score from 3) once the deadline has come without the task
            or its technique being recorded. A task of a phase that the course does not have (IPT-M has
            no initial or termination phase) is skipped, and so is a task whose entry the composed
            catalogue lacks. An initial-phase task is not suggested once the course is in termination.
            [WMK, MARK, ISIPT, STUART, MUFSON, FRANK, WHO, WILFLEY]

            By default the advisor works on the next due session: the lowest-numbered planned session,
            else the one after the highest recorded. A course with none planned and every session of its
            contract recorded is complete: the result says so (`IsCourseComplete`) and suggests nothing.
            Ask for a session number to see what would be overdue after the last session.

            | Technique | Phase | When | Variants |
            |---|---|---|---|

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        foreach (var task in PhaseTasks.All)
        {
            if (TechniqueAdvisor.CarrierOf(task, TechniqueCatalogue.BuiltIn) is not { } technique)
            {
                continue;
            }

            var when = task.Timing switch
            {
                TaskTiming.Early => "due from the phase's first session; overdue at its last session (when the phase has more than one) and in the next phase",
                TaskTiming.Throughout => "due in every session of the phase until done; overdue after the phase",
                TaskTiming.Late => "due at the phase's last session; overdue after the phase",
                TaskTiming.EverySession => "due in every session of the phase",
                _ => "due from session N − earlyEndingNoticeSessions; overdue from N − endingNoticeSessions (N−4 and N−2 in standard IPT)",
            };
            var phase = task.Phase == Phase.Middle ? "middle (or maintenance)" : Camel(task.Phase);
            var variants = task.Requirement is { } requirement ? $"those with `{requirement}`" : "all";
            sb.Append(CultureInfo.InvariantCulture, $"| `{technique}` | {phase} | {when} | {variants} |\n");
        }

        sb.Append("| `dispute-stage-assessment` | middle | overdue in the middle phase while a role-dispute focus has no recorded stage | all |\n");
        return sb.ToString();
    }

    [Fact]
    public void Techniques_md_matches_the_built_in_catalogue() =>
        Snapshot.MatchFile(Path.Combine("docs", "techniques.md"), Render());

    [Fact]
    public void Every_built_in_entry_is_documented()
    {
        var text = Render();
        Assert.All(BuiltInTechniques.All, e => Assert.Contains($"| `{e.Id}` |", text, StringComparison.Ordinal));
        Assert.DoesNotContain(BuiltInTechniques.All.Select(e => e.Group), g => Sections.All(s => s.Group != g));
    }

    [Fact]
    public void The_example_catalogue_loads_and_composes()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "examples", "catalogue.example.json");
        var read = CatalogueJson.Default.TryReadFile(path);
        Assert.True(read.Success, string.Join("; ", read.Errors));
        Assert.Contains(read.Value.Entries, e => e.Override);
        Assert.Contains(read.Value.Entries, e => !e.Override);
        Assert.False(read.Value.Disable.IsEmpty);

        var composed = CatalogueComposer.ComposeFiles([path]);
        Assert.True(composed.Success, string.Join("; ", composed.Errors));
        foreach (var added in read.Value.Entries)
        {
            Assert.True(composed.Value.TryGet(added.Entry.Id, out var entry));
            Assert.Equal(added.Entry, entry);
        }

        Assert.All(read.Value.Disable, d => Assert.False(composed.Value.Contains(d.Id)));
    }

    [Fact]
    public void Extending_md_walks_through_the_example_and_the_format()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "extending.md"));
        foreach (var needle in new[] { "examples/catalogue.example.json", "CatalogueJson", "CatalogueComposer", "\"override\": true", "\"disable\"", "schemaVersion", "phaseWeights", "citation" })
        {
            Assert.Contains(needle, text, StringComparison.Ordinal);
        }

        foreach (var phase in Enum.GetValues<Phase>())
        {
            Assert.Contains($"`{Camel(phase)}`", text, StringComparison.Ordinal);
        }

        foreach (var group in Enum.GetValues<TechniqueGroup>())
        {
            Assert.Contains($"`{Camel(group)}`", text, StringComparison.Ordinal);
        }
    }
}
