namespace Ipt.Protocol.Techniques;

/// <summary>How strongly a technique fits a role-dispute stage, from 0 to 1.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Weight">The weight, 0 to 1.</param>
public readonly record struct StageWeight(RoleDisputeStage Stage, double Weight);
