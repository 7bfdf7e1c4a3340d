using BillCenter.Modules.Payments.Data;
using BillCenter.Modules.Payments.Domain;
using BillCenter.Modules.Payments.Features.PostDuePayments;
using BillCenter.Modules.Payments.Features.ScheduleAutoPay;
using BillCenter.Modules.Payments.Jobs;
using BillCenter.SharedKernel.Data;
using BillCenter.SharedKernel.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.Modules.Payments;

/// <summary>
/// Paying the bill: the cardholder's bank accounts, one-time and scheduled payments (each made once per form, whatever
/// is clicked twice), AutoPay, and the jobs that post payments to the ledger at the 8 pm Eastern cut-off and schedule
/// AutoPay. The ledger is the Accounts module's: payments reach it only through its contracts.
/// </summary>
public sealed class PaymentsModule : IModule
{
    public string Name => PaymentsDbContext.Schema;

    public void AddServices(IServiceCollection services, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddModuleDbContext<PaymentsDbContext, SqlitePaymentsDbContext, PostgresPaymentsDbContext>(Name, context.Database);
        services.AddOutbox<PaymentsDbContext>();
        services.AddSingleton<BankAccountNumbers>();
        services.AddOptions<PaymentsOptions>().Bind(context.Configuration.GetSection(PaymentsOptions.Section));
        services.AddScoped<DuePaymentPoster>();
        services.AddScoped<AutoPayScheduler>();
        services.AddScoped<PostPayments>();
        services.AddScoped<ScheduleAutoPay>();
    }

    public void AddJobs(ModuleJobs jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.AddOutboxJob<PaymentsDbContext>();
        // At the cut-off, on US Eastern time whatever the season: the day's payments become Processing and post.
        jobs.AddOrUpdate<PostPayments>("post", job => job.RunAsync(CancellationToken.None), "0 20 * * *", PaymentCalendar.Eastern);
        // Early in the Eastern morning, well before the cut-off: today's AutoPay payments are scheduled, then posted at 8 pm.
        jobs.AddOrUpdate<ScheduleAutoPay>("autopay", job => job.RunAsync(CancellationToken.None), "0 6 * * *", PaymentCalendar.Eastern);
    }
}
