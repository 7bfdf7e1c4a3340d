using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Features.GetAccountSummaries;
using BillCenter.Modules.Accounts.Features.PaymentReminders;
using BillCenter.Modules.Accounts.Features.PostingFiles;
using BillCenter.Modules.Accounts.Features.PostPayments;
using BillCenter.Modules.Accounts.Features.SelfServiceChecks;
using BillCenter.Modules.Accounts.Features.StatementRun;
using BillCenter.Modules.Accounts.Jobs;
using BillCenter.SharedKernel.Data;
using BillCenter.SharedKernel.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.Modules.Accounts;

/// <summary>The card-account ledger: accounts, cards, transactions, statements, benefits, and card checks.</summary>
public sealed class AccountsModule : IModule
{
    public string Name => AccountsDbContext.Schema;

    public void AddServices(IServiceCollection services, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddModuleDbContext<AccountsDbContext, SqliteAccountsDbContext, PostgresAccountsDbContext>(Name, context.Database);
        services.AddOutbox<AccountsDbContext>();
        services.AddScoped<SelfServiceLockout>();
        services.AddScoped<CardChecks>();
        services.AddScoped<PurgeExpiredVerificationAttempts>();
        services.AddScoped<CycleAssignment>();
        services.AddScoped<CycleCloser>();
        services.AddScoped<StatementRun>();
        services.AddScoped<ReminderQueue>();
        services.AddScoped<PaymentReminders>();
        services.AddScoped<PostingFileReader>();
        services.AddScoped<PostUpload>();
        services.AddScoped<LedgerPayments>();
        services.AddMemoryCache();
        services.AddSingleton<BenefitCache>();
    }

    public void AddJobs(ModuleJobs jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.AddOutboxJob<AccountsDbContext>();
        jobs.AddOrUpdate<PurgeExpiredVerificationAttempts>("purge-verification-attempts", job => job.RunAsync(CancellationToken.None), "17 3 * * *");
        // Cycles close at the end of their day (UTC); the run starts soon after and catches up whatever it missed.
        jobs.AddOrUpdate<StatementRun>("statement-run", job => job.RunAsync(CancellationToken.None), "30 0 * * *");
        // After the run, so a statement due soon after closing gets its reminder; before the working day in the US.
        jobs.AddOrUpdate<PaymentReminders>("payment-reminders", job => job.RunAsync(CancellationToken.None), "0 11 * * *");
    }
}
