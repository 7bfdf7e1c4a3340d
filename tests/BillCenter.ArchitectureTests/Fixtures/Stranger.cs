namespace BillCenter.ArchitectureTests.SolutionFixtureTypes;

internal sealed class Stranger;
