namespace BillCenter.ArchitectureTests.SolutionFixtureTypes;

internal sealed record Result;
