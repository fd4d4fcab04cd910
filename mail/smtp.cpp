// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/smtp.h"

#include "core/domain/emailaddress.h"
#include "core/domain/translate.h"

#include <QDateTime>
#include <QLibrary>
#include <QLocale>
#include <QUuid>

#include <curl/curl.h>

#include <memory>

namespace oasis::mail {

namespace {

// libcurl's functions this file calls. libcurl is loaded on the first send, not with the
// program: it and the 17 libraries it needs (Kerberos, LDAP, GnuTLS, SSH...) were a fifth of
// the libraries every start of oasis-pos and oasisctl mapped and linked, for the few that send
// mail. Each pointer has the type of the function the header declares.
#define OASIS_CURL_FUNCTIONS(F)                                                                    \
    F(global_init)                                                                                 \
    F(easy_init)                                                                                   \
    F(easy_setopt)                                                                                 \
    F(easy_perform)                                                                                \
    F(easy_cleanup)                                                                                \
    F(easy_strerror)                                                                               \
    F(slist_append)                                                                                \
    F(slist_free_all)                                                                              \
    F(mime_init)                                                                                   \
    F(mime_free)                                                                                   \
    F(mime_addpart)                                                                                \
    F(mime_data)                                                                                   \
    F(mime_type)                                                                                   \
    F(mime_encoder)                                                                                \
    F(mime_filename)                                                                               \
    F(mime_headers)                                                                                \
    F(mime_subparts)

struct Curl {
#define OASIS_CURL_POINTER(name) decltype(&::curl_##name) name = nullptr;
    OASIS_CURL_FUNCTIONS(OASIS_CURL_POINTER)
#undef OASIS_CURL_POINTER
    QString problem; ///< why it cannot be used (empty: loaded and initialised)
};

/// libcurl 4 (Debian's libcurl4), loaded and initialised once, on first use.
const Curl &curl() {
    static const Curl loaded = [] {
        Curl c;
        QLibrary library(QStringLiteral("curl"), 4);
        if (!library.load()) {
            c.problem = library.errorString();
            return c;
        }
#define OASIS_CURL_RESOLVE(name)                                                                   \
    c.name = reinterpret_cast<decltype(c.name)>(library.resolve("curl_" #name));                   \
    if (!c.name && c.problem.isEmpty())                                                            \
        c.problem = QStringLiteral("curl_" #name) + u' ' + library.errorString();
        OASIS_CURL_FUNCTIONS(OASIS_CURL_RESOLVE)
#undef OASIS_CURL_RESOLVE
        if (c.problem.isEmpty() && c.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
            c.problem = QStringLiteral("curl_global_init failed");
        return c; // the library stays loaded: QLibrary never unloads on destruction
    }();
    return loaded;
}

struct EasyDeleter {
    void operator()(CURL *c) const { curl().easy_cleanup(c); }
};
struct MimeDeleter {
    void operator()(curl_mime *m) const { curl().mime_free(m); }
};
struct ListDeleter {
    void operator()(curl_slist *l) const { curl().slist_free_all(l); }
};
using Easy = std::unique_ptr<CURL, EasyDeleter>;
using Mime = std::unique_ptr<curl_mime, MimeDeleter>;
using List = std::unique_ptr<curl_slist, ListDeleter>;

void append(List &list, const QByteArray &line) {
    curl_slist *grown = curl().slist_append(list.get(), line.constData());
    if (grown) {
        (void)list.release();
        list.reset(grown);
    }
}

void setData(curl_mimepart *part, const QByteArray &data) {
    curl().mime_data(part, data.constData(), static_cast<size_t>(data.size()));
}

QByteArray rfc2822Date() {
    return QLocale::c()
               .toString(QDateTime::currentDateTimeUtc(),
                         QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"))
               .toLatin1() +
           " +0000";
}

/// The message's headers and MIME tree on `easy` (the tree is owned by the returned Mime).
/// multipart/mixed { multipart/alternative { text/plain, multipart/related { text/html,
/// images } }, attachments }.
Mime buildMime(CURL *easy, const Message &m, List &headers) {
    const Curl &api = curl();
    const QByteArray domain = m.from.mid(m.from.lastIndexOf(u'@') + 1).toLatin1();
    append(headers, "Date: " + rfc2822Date());
    append(headers,
           "From: " + (m.fromName.isEmpty() ? QByteArray() : encodedHeaderText(m.fromName) + ' ') +
               '<' + m.from.toLatin1() + '>');
    append(headers, "To: <" + m.to.toLatin1() + '>');
    append(headers, "Subject: " + encodedHeaderText(m.subject));
    append(headers, "Message-ID: <" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + '@' +
                        domain + '>');

    Mime top(api.mime_init(easy));
    curl_mimepart *body = api.mime_addpart(top.get());
    curl_mime *alternative = api.mime_init(easy);
    curl_mimepart *text = api.mime_addpart(alternative);
    setData(text, m.text.toUtf8());
    api.mime_type(text, "text/plain; charset=utf-8");
    api.mime_encoder(text, "quoted-printable");
    if (!m.html.isEmpty()) {
        curl_mimepart *relatedPart = api.mime_addpart(alternative);
        curl_mime *related = api.mime_init(easy);
        curl_mimepart *html = api.mime_addpart(related);
        setData(html, m.html.toUtf8());
        api.mime_type(html, "text/html; charset=utf-8");
        api.mime_encoder(html, "quoted-printable");
        for (const InlineImage &image : m.images) {
            curl_mimepart *part = api.mime_addpart(related);
            setData(part, image.data);
            api.mime_type(part, image.mimeType.toLatin1().constData());
            api.mime_encoder(part, "base64");
            List partHeaders;
            append(partHeaders, "Content-ID: <" + image.contentId.toLatin1() + '>');
            append(partHeaders,
                   "Content-Disposition: inline; filename=\"" + image.fileName.toLatin1() + '"');
            api.mime_headers(part, partHeaders.release(), 1);
        }
        api.mime_subparts(relatedPart, related);
        api.mime_type(relatedPart, "multipart/related");
    }
    api.mime_subparts(body, alternative);
    api.mime_type(body, "multipart/alternative");
    for (const Attachment &file : m.attachments) {
        curl_mimepart *part = api.mime_addpart(top.get());
        setData(part, file.data);
        api.mime_type(part, file.mimeType.toLatin1().constData());
        api.mime_filename(part, file.fileName.toLatin1().constData());
        api.mime_encoder(part, "base64");
    }
    return top;
}

Status checkAddresses(const Message &m) {
    if (auto ok = checkEmailAddress(m.to); !ok)
        return ok;
    if (auto ok = checkEmailAddress(m.from); !ok)
        return fail(ErrorCode::Invalid,
                    oasis::tr("The store's from address: %1").arg(ok.error().message));
    for (const InlineImage &image : m.images)
        for (QChar c : QString(image.contentId + image.fileName))
            if (c.unicode() <= 0x20 || c.unicode() >= 0x7f || c == u'"' || c == u'<' || c == u'>')
                return fail(ErrorCode::Invalid, oasis::tr("An image of the message is misnamed."));
    return {};
}

int abortWhenCancelled(void *flag, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    return static_cast<const std::atomic_bool *>(flag)->load() ? 1 : 0;
}

QString oneLine(QString text) {
    text.replace(u'\r', u' ');
    text.replace(u'\n', u' ');
    return text.simplified();
}

} // namespace

Server Server::of(const StoreSettings &store) {
    Server server;
    server.settings = store.smtp();
    server.password = store.smtpPassword();
    return server;
}

Status send(const Server &server, const Message &message) {
    // What the person at the counter typed first, then whether this store sends mail at all (a
    // store with no mail server has no from address either: that is what to say), then the rest.
    if (auto ok = checkEmailAddress(message.to); !ok)
        return ok;
    const SmtpSettings &s = server.settings;
    if (!s.configured())
        return fail(ErrorCode::System,
                    oasis::tr("No mail server is set for this store: a manager sets one with "
                              "oasisctl settings smtp --host H --port P --from ADDRESS."));
    if (auto ok = checkAddresses(message); !ok)
        return ok;
    if (auto ok = StoreSettings::checkSmtp(s); !ok)
        return ok;
    const Curl &api = curl();
    if (!api.problem.isEmpty())
        return fail(ErrorCode::System,
                    oasis::tr("Email cannot be sent from this computer: libcurl could not be "
                              "loaded (%1).")
                        .arg(api.problem));
    Easy easy(api.easy_init());
    if (!easy)
        return fail(ErrorCode::System, oasis::tr("Cannot start sending email (libcurl)."));
    CURL *c = easy.get();
    const QByteArray url = (s.security == SmtpSecurity::Tls ? "smtps://" : "smtp://") +
                           s.host.toLatin1() + ':' + QByteArray::number(s.port);
    api.easy_setopt(c, CURLOPT_URL, url.constData());
    api.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    api.easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, long(server.connectTimeoutMs));
    api.easy_setopt(c, CURLOPT_TIMEOUT_MS, long(server.totalTimeoutMs));
    api.easy_setopt(c, CURLOPT_USE_SSL,
                    s.security == SmtpSecurity::None ? long(CURLUSESSL_NONE)
                                                     : long(CURLUSESSL_ALL));
    const QByteArray user = s.user.toUtf8();
    const QByteArray password = server.password.toUtf8();
    if (!s.user.isEmpty()) {
        api.easy_setopt(c, CURLOPT_USERNAME, user.constData());
        api.easy_setopt(c, CURLOPT_PASSWORD, password.constData());
    }
    const QByteArray from = '<' + message.from.toLatin1() + '>';
    api.easy_setopt(c, CURLOPT_MAIL_FROM, from.constData());
    List recipients;
    append(recipients, '<' + message.to.toLatin1() + '>');
    api.easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
    List headers;
    Mime mime = buildMime(c, message, headers);
    api.easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    api.easy_setopt(c, CURLOPT_MIMEPOST, mime.get());
    if (server.cancel) {
        api.easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
        api.easy_setopt(c, CURLOPT_XFERINFOFUNCTION, &abortWhenCancelled);
        api.easy_setopt(c, CURLOPT_XFERINFODATA,
                        const_cast<std::atomic_bool *>(server.cancel.get()));
    }
    char errors[CURL_ERROR_SIZE] = {};
    api.easy_setopt(c, CURLOPT_ERRORBUFFER, errors);

    const CURLcode result = api.easy_perform(c);
    if (result == CURLE_OK)
        return {};
    const QString why = oneLine(QString::fromUtf8(errors[0] ? errors : api.easy_strerror(result)));
    const QString where = s.host + u':' + QString::number(s.port);
    switch (result) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_USE_SSL_FAILED:
    case CURLE_PEER_FAILED_VERIFICATION:
        return fail(ErrorCode::System, oasis::tr("Email could not be sent: the mail server %1 "
                                                 "could not be reached (%2).")
                                           .arg(where, why));
    case CURLE_LOGIN_DENIED:
        return fail(ErrorCode::System,
                    oasis::tr("Email could not be sent: the mail server %1 refused the login "
                              "(check the user and OASIS_SMTP_PASSWORD).")
                        .arg(where));
    default:
        return fail(ErrorCode::System,
                    oasis::tr("Email could not be sent: the mail server %1 refused it (%2).")
                        .arg(where, why));
    }
}

} // namespace oasis::mail
