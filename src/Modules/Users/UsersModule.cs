using BillCenter.Modules.Users.Data;
using BillCenter.Modules.Users.Domain;
using BillCenter.Modules.Users.Features.Passwords;
using BillCenter.SharedKernel.Data;
using BillCenter.SharedKernel.Modules;
using BillCenter.SharedKernel.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.Modules.Users;

/// <summary>Online accounts: user IDs, passwords, sign-in, sessions, roles, and the shared data-protection keys.</summary>
public sealed class UsersModule : IModule
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(15);

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
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<UsersDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordRules>();

        // Every request re-checks the security stamp, so a password reset ends other sessions at once.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromMinutes(15));
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "bc.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = SecurityOptions.CookiePolicy(context.Configuration);
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.LoginPath = "/sign-in";
            options.LogoutPath = "/sign-out";
            options.ReturnUrlParameter = "returnUrl";
            options.Events.OnRedirectToAccessDenied = redirect =>
            {
                // A signed-in user without the right role gets a plain 403 (rendered by the status page).
                redirect.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAuthorizationBuilder().AddPolicy(Policies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        var dataProtection = services.AddDataProtection().SetApplicationName("BillCenter").PersistKeysToDbContext<UsersDbContext>();
        if (context.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            // In production the key ring is encrypted at rest with this certificate; every instance needs it.
            dataProtection.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, context.Configuration["DataProtection:CertificatePassword"]));
        }
    }
}
