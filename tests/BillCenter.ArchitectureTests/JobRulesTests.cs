using System.Text.RegularExpressions;
using BillCenter.SharedKernel.Modules;
using Hangfire;
using Hangfire.Common;
using NetArchTest.Rules;

namespace BillCenter.ArchitectureTests;

/// <summary>Each module registers its recurring jobs through <see cref="ModuleJobs"/>, under ids "&lt;module&gt;:&lt;job&gt;".</summary>
public partial class JobRulesTests
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex JobName();

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Given_a_module_Then_every_job_id_it_registers_is_module_colon_job(string module)
    {
        var entryPoint = (IModule)Activator.CreateInstance(Solution.Module(module).EntryPoints.Single())!;
        var recorder = new RecordingJobManager();

        entryPoint.AddJobs(new ModuleJobs(recorder, entryPoint.Name));

        var prefix = entryPoint.Name + ":";
        Report.NoOffenders(
            $"Module {module} must name its jobs \"{prefix}<job>\" (lower-case words joined by hyphens).",
            recorder.Ids.Where(id => !id.StartsWith(prefix, StringComparison.Ordinal) || !JobName().IsMatch(id[prefix.Length..])));
    }

    [Fact]
    public void Given_the_modules_Then_some_register_recurring_jobs_so_the_job_id_rule_is_not_vacuous()
    {
        var recorder = new RecordingJobManager();
        foreach (var module in Solution.Modules)
        {
            var entryPoint = (IModule)Activator.CreateInstance(module.EntryPoints.Single())!;
            entryPoint.AddJobs(new ModuleJobs(recorder, entryPoint.Name));
        }

        Assert.True(recorder.Ids.Distinct().Count() >= 2, $"found only: {string.Join(", ", recorder.Ids)}");
    }

    [Fact]
    public void Given_a_job_name_that_is_not_lower_case_words_Then_ModuleJobs_refuses_it()
    {
        var jobs = new ModuleJobs(new RecordingJobManager(), "accounts");

        Assert.Throws<ArgumentException>(() => jobs.IdOf("Purge Attempts"));
        Assert.Throws<ArgumentException>(() => jobs.IdOf("other:job"));
        Assert.Equal("accounts:purge-attempts", jobs.IdOf("purge-attempts"));
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Given_a_module_Then_it_registers_recurring_jobs_only_through_ModuleJobs(string module)
    {
        var result = Types.InAssembly(Solution.Module(module).Assembly)
            .ShouldNot()
            .HaveDependencyOnAny(typeof(RecurringJob).FullName!, typeof(IRecurringJobManager).FullName!, typeof(RecurringJobManager).FullName!)
            .GetResult();

        Report.NoOffenders($"Module {module} must register recurring jobs through ModuleJobs (ids \"<module>:<job>\"), not Hangfire directly.", result.FailingTypeNames);
    }

    private sealed class RecordingJobManager : IRecurringJobManager
    {
        public List<string> Ids { get; } = [];

        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) => Ids.Add(recurringJobId);

        public void Trigger(string recurringJobId) => Ids.Add(recurringJobId);

        public void RemoveIfExists(string recurringJobId) => Ids.Add(recurringJobId);
    }
}
