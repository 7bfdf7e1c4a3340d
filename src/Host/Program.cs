using BillCenter.Host.Platform;
using BillCenter.Modules.Accounts;
using BillCenter.Modules.Activation;
using BillCenter.Modules.Audit;
using BillCenter.Modules.Enrollment;
using BillCenter.Modules.Notifications;
using BillCenter.Modules.Payments;
using BillCenter.Modules.Preferences;
using BillCenter.Modules.Recovery;
using BillCenter.Modules.Users;
using BillCenter.SharedKernel.Modules;

// Every module of BillCenter, in one place. A module brings its pages, handlers, tables and jobs.
IModule[] modules =
[
    new UsersModule(),
    new AccountsModule(),
    new NotificationsModule(),
    new EnrollmentModule(),
    new RecoveryModule(),
    new PreferencesModule(),
    new ActivationModule(),
    new PaymentsModule(),
    new AuditModule(),
];

var builder = WebApplication.CreateBuilder(args);
builder.AddBillCenterPlatform(modules);

var app = builder.Build();
app.UseBillCenterPlatform(modules);
await app.PrepareDatabasesAsync();

await app.RunAsync();

/// <summary>The entry point, visible to the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
