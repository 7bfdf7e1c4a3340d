namespace BillCenter.ArchitectureTests.SolutionFixtureTypes;

/// <summary>A primary type with a companion in its signature, for the one-concept-per-file rule's own test.</summary>
internal sealed class Primary(Result result)
{
    public Result Result { get; } = result;
}
