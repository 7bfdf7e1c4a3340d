using BillCenter.Modules.Users.Data;
using BillCenter.Modules.Users.Domain;
using BillCenter.Modules.Users.Jobs;
using BillCenter.Modules.Users.Sessions;
using BillCenter.SharedKernel.Data;
using BillCenter.SharedKernel.Modules;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.Modules.Users;

/// <summary>
/// Online accounts: user IDs, passwords, sign-in and roles (ASP.NET Core Identity), and the table of the data-protection
/// key ring. The session cookie, the Admin policy and the key ring's settings are the Host's (Platform/PlatformAuthentication.cs).
/// </summary>
public sealed class UsersModule : IModule
{
    public string Name => UsersDbContext.Schema;

    public void AddServices(IServiceCollection services, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddModuleDbContext<UsersDbContext, SqliteUsersDbContext, PostgresUsersDbContext>(Name, context.Database);

        services.AddIdentity<BillCenterUser, IdentityRole>(options =>
            {
                // NIST SP 800-63B: length and a common-password check (PasswordRules), no composition rules.
                options.Password.RequiredLength = PasswordRules.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.User.AllowedUserNameCharacters = UserIdRules.AllowedCharacters;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = SignInLimits.MaxFailuresBeforeLockout;
                options.Lockout.DefaultLockoutTimeSpan = SignInLimits.LockoutTime;
            })
            .AddEntityFrameworkStores<UsersDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordRules>();

        // Sessions live in the user_sessions table (ADR 13): the cookie is a random key, looked up once per request.
        // Nothing is re-validated or re-issued per request: revocation is a row update, idle time a column.
        services.AddSingleton<DatabaseTicketStore>();
        services.AddScoped<UserSessions>();
        services.AddScoped<SignInAttempts>();
        services.AddScoped<KnownDevices>();
        services.AddScoped<PurgeEndedSessions>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<DatabaseTicketStore>((cookie, store) =>
            {
                cookie.SessionStore = store;
                cookie.ExpireTimeSpan = SessionLifetime.Absolute;
                cookie.SlidingExpiration = false;
                cookie.Events.OnValidatePrincipal = _ => Task.CompletedTask;
            });
        // An admin's half-done sign-in (password checked, code not yet entered) lasts as long as the code.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, cookie => cookie.ExpireTimeSpan = SignInLimits.CodeValidity);
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromMinutes(15));
        // The key ring lives in this module's tables; the Host names the application and protects the keys at rest.
        services.AddDataProtection().PersistKeysToDbContext<UsersDbContext>();
    }

    public void AddJobs(ModuleJobs jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.AddOrUpdate<PurgeEndedSessions>("purge-sessions", job => job.RunAsync(CancellationToken.None), "43 3 * * *");
    }
}
