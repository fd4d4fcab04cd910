// SPDX-License-Identifier: GPL-3.0-or-later
// Camera scanning: recorded frames of a phone showing a gift card's QR (straight, under glare,
// tilted, and one with no code) go into the camera scanner's video sink, as the webcam's frames
// do, and the register finds the card once; Settings without a camera says so.
#include "pos/app/appstyle.h"
#include "pos/app/backoffice.h"
#include "pos/app/mainwindow.h"
#include "pos/app/registerwidget.h"
#include "pos/app/ticketmodel.h"
#include "pos/camera/camerascanner.h"
#include "pos/camera/camerasettings.h"
#include "pos/camera/framedecoder.h"
#include "pos/screens/settingsscreen.h"
#include "tests/pos/posfixture.h"

#include "core/domain/giftcode.h"
#include "core/services/sale.h"
#include "core/services/staff.h"
#include "printing/labels.h"
#include "printing/qr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QPainter>
#include <QRadialGradient>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QVideoFrame>
#include <QVideoSink>

#include <cstring>
#include <vector>

using namespace oasis;
using namespace oasis::app;

namespace {

enum class Shot { Straight, Glare, Tilted, NoCode };

/// Adds grain as a cheap sensor does, and softens the picture as a webcam's lens does.
QImage grainAndBlur(const QImage &image, int grain, int blurFactor) {
    QImage out = image.convertToFormat(QImage::Format_RGB32);
    QRandomGenerator noise(20260310);
    for (int y = 0; y < out.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(out.scanLine(y));
        for (int x = 0; x < out.width(); ++x) {
            const int d = int(noise.bounded(2 * grain + 1)) - grain;
            const QRgb p = line[x];
            line[x] = qRgb(qBound(0, qRed(p) + d, 255), qBound(0, qGreen(p) + d, 255),
                           qBound(0, qBlue(p) + d, 255));
        }
    }
    const QSize size = out.size();
    return out.scaled(size / blurFactor, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
        .scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

/// A 1280×720 webcam picture of a phone held up at the counter, its screen showing `payload` as
/// a QR (a wallet pass: a caption above, the code in the middle).
QImage phonePhoto(const QString &payload, Shot shot) {
    // The phone's screen, drawn flat first.
    QImage screen(300, 560, QImage::Format_RGB32);
    screen.fill(QColor(0xfa, 0xfa, 0xf7));
    {
        QPainter p(&screen);
        p.fillRect(QRect(0, 0, 300, 70), QColor(0x2e, 0x6b, 0x5e));
        p.setPen(Qt::white);
        QFont font = p.font();
        font.setPixelSize(22);
        p.setFont(font);
        p.drawText(QRect(0, 0, 300, 70), Qt::AlignCenter, QStringLiteral("Oasis Spa gift card"));
        p.setPen(QColor(0x33, 0x33, 0x33));
        font.setPixelSize(18);
        p.setFont(font);
        p.drawText(QRect(0, 440, 300, 40), Qt::AlignCenter, QStringLiteral("$150.00"));
        if (shot != Shot::NoCode) {
            const printing::QrMatrix qr = oasis::test::value(printing::encodeQr(payload.toUtf8()));
            const int module = printing::qrModuleSizeFor(qr, 260);
            const QImage symbol = printing::qrImage(qr, module);
            p.drawImage(QPoint((300 - symbol.width()) / 2, 90 + (340 - symbol.height()) / 2),
                        symbol);
        } else {
            // The customer opened the wrong screen: a picture, no code.
            p.setBrush(QColor(0xd9, 0xe7, 0xe2));
            p.setPen(Qt::NoPen);
            p.drawEllipse(QRect(50, 120, 200, 200));
        }
    }

    // The counter behind it, a warm grey gradient.
    QImage photo(1280, 720, QImage::Format_RGB32);
    {
        QPainter p(&photo);
        QLinearGradient desk(0, 0, 1280, 720);
        desk.setColorAt(0, QColor(0x8a, 0x80, 0x74));
        desk.setColorAt(1, QColor(0x5b, 0x55, 0x4f));
        p.fillRect(photo.rect(), desk);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        const QRectF body(0, 0, 330, 640);
        const QRectF glass(15, 40, 300, 560);
        QTransform place;
        if (shot == Shot::Tilted) {
            // Held at an angle, the top further away: a rotated trapezoid.
            QPolygonF from;
            from << body.topLeft() << body.topRight() << body.bottomRight() << body.bottomLeft();
            QPolygonF to;
            to << QPointF(520, 70) << QPointF(800, 110) << QPointF(850, 690) << QPointF(470, 640);
            REQUIRE(QTransform::quadToQuad(from, to, place));
        } else {
            place.translate(475, 40);
        }
        p.setTransform(place);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x1b, 0x1b, 0x1d));
        p.drawRoundedRect(body, 36, 36);
        p.drawImage(glass, screen);
        p.resetTransform();
        if (shot == Shot::Glare) {
            // The shop's ceiling light on the glass, over a corner of the code.
            QRadialGradient light(QPointF(690, 290), 140);
            light.setColorAt(0, QColor(255, 255, 255, 235));
            light.setColorAt(0.5, QColor(255, 255, 255, 150));
            light.setColorAt(1, QColor(255, 255, 255, 0));
            p.setBrush(light);
            p.drawEllipse(QPointF(690, 290), 140, 140);
        }
    }
    return grainAndBlur(photo, shot == Shot::Glare ? 14 : 8, 2);
}

/// The picture as a webcam delivers it: NV12 (luma plane, then interleaved chroma, video range),
/// YUYV (packed) or BGRA.
QVideoFrame frameOf(const QImage &image, QVideoFrameFormat::PixelFormat format) {
    const QImage rgb = image.convertToFormat(QImage::Format_ARGB32);
    QVideoFrame frame(QVideoFrameFormat(rgb.size(), format));
    REQUIRE(frame.map(QVideoFrame::WriteOnly));
    if (format == QVideoFrameFormat::Format_NV12) {
        for (int y = 0; y < rgb.height(); ++y) {
            const auto *from = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
            uchar *to = frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0);
            for (int x = 0; x < rgb.width(); ++x)
                to[x] = uchar(16 + qGray(from[x]) * 219 / 255);
        }
        std::memset(frame.bits(1), 128, std::size_t(frame.mappedBytes(1)));
    } else if (format == QVideoFrameFormat::Format_YUYV) {
        // Y0 U Y1 V: a luma byte for every pixel, chroma shared by two.
        for (int y = 0; y < rgb.height(); ++y) {
            const auto *from = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
            uchar *to = frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0);
            for (int x = 0; x < rgb.width(); ++x) {
                to[2 * x] = uchar(16 + qGray(from[x]) * 219 / 255);
                to[2 * x + 1] = 128;
            }
        }
    } else {
        REQUIRE(format == QVideoFrameFormat::Format_BGRA8888);
        for (int y = 0; y < rgb.height(); ++y)
            std::memcpy(frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0), rgb.constScanLine(y),
                        std::size_t(rgb.width()) * 4);
    }
    frame.unmap();
    return frame;
}

/// Puts the frame in the camera's sink, as the webcam does, and waits until it is decoded.
void show(CameraScanner *camera, const QVideoFrame &frame) {
    QSignalSpy done(camera->decoder(), &FrameDecoder::frameDone);
    camera->videoSink()->setVideoFrame(frame);
    REQUIRE(done.wait(10'000));
}

/// The window's camera: the plugin's CameraScanner (linked into these tests as a static plugin).
CameraScanner *scannerOf(MainWindow &window) {
    auto *scanner = dynamic_cast<CameraScanner *>(window.camera());
    REQUIRE(scanner);
    return scanner;
}

IssuedCard sellCard(Database &db) {
    Ticket ticket;
    ticket.addGiftCard(Money::fromCents(150'00), QStringLiteral("Ana Whitfield"));
    Tender cash;
    cash.amount = Money::fromCents(150'00);
    const StaffMember cashier = postest::frontDesk(db);
    auto sale = oasis::test::value(SaleService(db).complete(ticket, {cash}, cashier, std::nullopt,
                                                            QStringLiteral("test-register")));
    return sale.giftCards.front();
}

const QString kLavender = QStringLiteral("0850071001020"); // Lavender Calm Body Oil, $24.00

} // namespace

TEST_CASE("a gift card's QR photographed on a phone reads as its exact code, straight, under "
          "glare and tilted",
          "[pos][camera]") {
    const QString code = giftcode::generate();
    for (const auto format : {QVideoFrameFormat::Format_NV12, QVideoFrameFormat::Format_BGRA8888}) {
        for (const Shot shot : {Shot::Straight, Shot::Glare, Shot::Tilted}) {
            CAPTURE(int(format), int(shot));
            const QImage luma = luminanceOf(frameOf(phonePhoto(code, shot), format));
            REQUIRE(luma.size() == QSize(1280, 720));
            REQUIRE(decodeCode(luma) == code);
        }
        CAPTURE(int(format));
        REQUIRE(decodeCode(luminanceOf(frameOf(phonePhoto(code, Shot::NoCode), format))).isEmpty());
    }
}

TEST_CASE("a gift card shown to the camera is found at the register, once while it stays in "
          "view, and its code is never shown whole",
          "[pos][camera]") {
    postest::TempSettings temp;
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    const IssuedCard card = sellCard(tdb.db());
    MainWindow window(tdb.db(), QStringLiteral("test-register"));
    window.resize(1366, 768);
    window.show();
    window.startSession(postest::frontDesk(tdb.db()));
    RegisterWidget *reg = window.registerScreen();
    REQUIRE(window.currentScreen() == QLatin1String("register"));
    CameraScanner *camera = scannerOf(window);
    REQUIRE(camera->device().isNull()); // no camera chosen: nothing opened
    camera->decoder()->setMinimumInterval(0);
    QSignalSpy reads(camera, &CameraScanner::codeRead);

    show(camera, frameOf(phonePhoto(card.code, Shot::Straight), QVideoFrameFormat::Format_NV12));
    REQUIRE(reads.count() == 1);
    REQUIRE(reads.at(0).at(0).toString() == card.code);
    REQUIRE(reg->scanField()->property("cameraRead").toBool()); // the scan field flashes
    const QString found = reg->statusMessage();
    REQUIRE(found.contains(QStringLiteral("••") + giftcode::last4(card.code)));
    REQUIRE(found.contains(QStringLiteral("$150.00")));
    REQUIRE_FALSE(found.contains(card.code));

    // Still held up, now under the light and at an angle: the same card is not read again.
    reg->showMessage(QString());
    show(camera, frameOf(phonePhoto(card.code, Shot::Glare), QVideoFrameFormat::Format_BGRA8888));
    show(camera, frameOf(phonePhoto(card.code, Shot::Tilted), QVideoFrameFormat::Format_NV12));
    REQUIRE(reads.count() == 1);
    REQUIRE(reg->statusMessage().isEmpty());

    // A frame with no code says nothing.
    show(camera, frameOf(phonePhoto(card.code, Shot::NoCode), QVideoFrameFormat::Format_NV12));
    REQUIRE(reads.count() == 1);
    REQUIRE(reg->statusMessage().isEmpty());
    REQUIRE(camera->decoder()->framesDecoded() == 4);

    // On the PIN pad the camera's reads go nowhere.
    camera->decoder()->setRepeatWindow(0);
    window.lock();
    show(camera, frameOf(phonePhoto(card.code, Shot::Straight), QVideoFrameFormat::Format_NV12));
    REQUIRE(reads.count() == 2);
    REQUIRE(reg->statusMessage().isEmpty());
}

TEST_CASE("a product's code shown to the camera adds one line, and one more only after it left "
          "the camera",
          "[pos][camera]") {
    postest::TempSettings temp;
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    MainWindow window(tdb.db(), QStringLiteral("test-register"));
    window.resize(1366, 768);
    window.show();
    window.startSession(postest::frontDesk(tdb.db()));
    RegisterWidget *reg = window.registerScreen();
    CameraScanner *camera = scannerOf(window);
    camera->decoder()->setMinimumInterval(0);
    camera->decoder()->setRepeatWindow(400);

    // Each frame is a new one, as the camera's are (the sink ignores the same frame set twice).
    // A short code makes a version-1 QR, which has no alignment pattern for ZXing to correct a
    // strong tilt with: held straight, as a label at the counter is.
    const QImage lavender = phonePhoto(kLavender, Shot::Straight);
    show(camera, frameOf(lavender, QVideoFrameFormat::Format_NV12));
    REQUIRE(reg->model()->ticket().lines.size() == 1);
    REQUIRE(reg->model()->ticket().lines[0].quantity == 1);
    REQUIRE(reg->statusMessage().contains(QStringLiteral("Lavender")));
    show(camera, frameOf(lavender, QVideoFrameFormat::Format_NV12));
    REQUIRE(reg->model()->ticket().lines[0].quantity == 1);

    // Taken away (frames without it), then shown again: a second bottle.
    show(camera, frameOf(phonePhoto(kLavender, Shot::NoCode), QVideoFrameFormat::Format_NV12));
    QTest::qWait(450);
    show(camera, frameOf(lavender, QVideoFrameFormat::Format_NV12));
    REQUIRE(reg->model()->ticket().lines.size() == 1);
    REQUIRE(reg->model()->ticket().lines[0].quantity == 2);
}

TEST_CASE("a product's shelf label held up to the camera adds the product", "[pos][camera]") {
    postest::TempSettings temp;
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    MainWindow window(tdb.db(), QStringLiteral("test-register"));
    window.resize(1366, 768);
    window.show();
    window.startSession(postest::frontDesk(tdb.db()));
    RegisterWidget *reg = window.registerScreen();
    CameraScanner *camera = scannerOf(window);
    camera->decoder()->setMinimumInterval(0);

    // The label's EAN-13 (ZXing's writer, as the shelf labels print it), 4 px a module, on a
    // white label in the middle of the picture, softened and grainy like the QR photos.
    const std::vector<bool> bars = oasis::test::value(printing::ean13Modules(kLavender));
    QImage photo(1280, 720, QImage::Format_RGB32);
    photo.fill(QColor(0x74, 0x6d, 0x64));
    {
        QPainter p(&photo);
        const int module = 4;
        const int width = (printing::kEan13LeftQuiet + 95 + printing::kEan13RightQuiet) * module;
        const QRect label(640 - width / 2 - 20, 250, width + 40, 220);
        p.fillRect(label, QColor(0xfb, 0xfb, 0xf8));
        const int left = label.left() + 20 + printing::kEan13LeftQuiet * module;
        for (std::size_t i = 0; i < bars.size(); ++i)
            if (bars[i])
                p.fillRect(QRect(left + int(i) * module, 290, module, 140), Qt::black);
    }
    show(camera, frameOf(grainAndBlur(photo, 8, 2), QVideoFrameFormat::Format_YUYV));
    // All 13 digits, as a scanner types them (not the 12 of a UPC-A read of a leading 0).
    REQUIRE(reg->model()->ticket().lines.size() == 1);
    REQUIRE(reg->statusMessage().contains(QStringLiteral("Lavender")));
}

TEST_CASE("frames that come while one is decoded are dropped, and the counter is not held up",
          "[pos][camera]") {
    CameraScanner camera;
    camera.decoder()->setMinimumInterval(0);
    const QImage photo = phonePhoto(giftcode::generate(), Shot::Glare);
    std::vector<QVideoFrame> frames;
    for (int i = 0; i < 30; ++i)
        frames.push_back(frameOf(photo, QVideoFrameFormat::Format_NV12));
    QSignalSpy done(camera.decoder(), &FrameDecoder::frameDone);
    QSignalSpy reads(&camera, &CameraScanner::codeRead);
    // Thirty frames, a second of video, arrive at once: the first is taken, the rest dropped,
    // and the GUI thread goes on (the decoding runs on its own thread).
    for (const QVideoFrame &frame : frames)
        camera.videoSink()->setVideoFrame(frame);
    REQUIRE(camera.decoder()->isBusy());
    REQUIRE(camera.decoder()->framesDropped() == 29);
    REQUIRE(done.wait(10'000));
    REQUIRE(camera.decoder()->framesDecoded() == 1);
    REQUIRE(reads.count() == 1);
}

TEST_CASE("what the camera read is shown with a gift card's last four only", "[pos][camera]") {
    const QString code = giftcode::generate();
    const QString shown = describeCode(code);
    REQUIRE(shown.contains(QStringLiteral("••") + giftcode::last4(code)));
    REQUIRE_FALSE(shown.contains(code.left(8)));
    REQUIRE(describeCode(kLavender) == kLavender);
    REQUIRE(describeCode(QString(80, QLatin1Char('x'))).size() == 40);
}

TEST_CASE("Settings on a computer without a camera says so and the register works as before",
          "[pos][camera]") {
    postest::TempSettings temp;
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    MainWindow window(tdb.db(), QStringLiteral("test-register"));
    CameraSettingsBox box(scannerOf(window));
    if (!connectedCameras().isEmpty()) {
        WARN("this computer has a camera: the no-camera case is not checked");
        return;
    }
    REQUIRE(box.cameraCount() == 0);
    REQUIRE(box.note().contains(QStringLiteral("No camera found")));

    // A camera that is not connected is refused, in one line, and nothing is saved.
    QSignalSpy changed(&box, &CameraSettingsBox::cameraSettingsChanged);
    REQUIRE_FALSE(box.saveCamera(QStringLiteral("/dev/video7")));
    REQUIRE(box.note().contains(QStringLiteral("/dev/video7")));
    REQUIRE_FALSE(CameraSettings::load().isOn());
    REQUIRE(changed.isEmpty());
    REQUIRE(box.saveCamera(QString()));
    REQUIRE(changed.count() == 1);

    // The test shows what the camera reads in the box, a gift card by its last four only.
    const QString code = giftcode::generate();
    box.setTesting(true);
    REQUIRE(box.note().contains(QStringLiteral("Choose a camera first")));
    scannerOf(window)->decoder()->setMinimumInterval(0);
    show(scannerOf(window),
         frameOf(phonePhoto(code, Shot::Straight), QVideoFrameFormat::Format_NV12));
    REQUIRE(box.note().contains(QStringLiteral("Read from the camera: gift card ••") +
                                giftcode::last4(code)));
    REQUIRE_FALSE(box.note().contains(code.left(8)));
    box.setTesting(false);
    REQUIRE(changed.count() == 2); // the window goes back to the saved choice

    // A camera chosen on this computer before and unplugged since: the register starts without
    // it and says so.
    CameraSettings{QStringLiteral("/dev/video0"), QStringLiteral("USB webcam")}.save();
    window.applyCameraSettings();
    REQUIRE(scannerOf(window)->device().isNull());
    REQUIRE(window.statusBar()->currentMessage().contains(QStringLiteral("USB webcam")));
    // A camera plugged in or out: the choice is applied again.
    window.statusBar()->clearMessage();
    Q_EMIT scannerOf(window)->camerasChanged();
    REQUIRE(window.statusBar()->currentMessage().contains(QStringLiteral("USB webcam")));
    // The same at the next start, once the PIN pad is on screen.
    MainWindow next(tdb.db(), QStringLiteral("test-register"));
    next.show();
    REQUIRE(QTest::qWaitFor(
        [&] { return next.statusBar()->currentMessage().contains(QStringLiteral("USB webcam")); },
        5000));
}

TEST_CASE("the counter app's Settings has the camera under This register", "[pos][camera]") {
    postest::TempSettings temp;
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    MainWindow window(tdb.db(), QStringLiteral("test-register"));
    installBackOffice(window, tdb.db(), QStringLiteral("test-register"));
    window.resize(1366, 768);
    window.show();
    window.startSession(oasis::test::value(StaffService(tdb.db()).find(QStringLiteral("manager"))));
    REQUIRE(window.cameraIfAny() == nullptr); // nothing of Qt Multimedia before it is asked for
    window.showScreen(QStringLiteral("settings"));
    auto *settings = window.findChild<screens::SettingsScreen *>();
    REQUIRE(settings);
    auto *box = settings->findChild<CameraSettingsBox *>();
    REQUIRE(box);
    QWidget *page = settings->tabs()->widget(settings->tabs()->count() - 1);
    REQUIRE(settings->tabs()->tabText(settings->tabs()->count() - 1) ==
            screens::SettingsScreen::tr("This register"));
    REQUIRE(page->isAncestorOf(box));
    REQUIRE(window.cameraIfAny() != nullptr); // the box shows the register's own scanner
}

// Your own photos through the camera's path:
//   OASIS_CAMERA_PHOTOS=DIR build/tests/pos/oasis_pos_tests "[photos]"
// Each .png/.jpg in DIR becomes an NV12 frame as a webcam sends it and is decoded as the camera's
// are; a FILE.txt beside FILE.jpg holds the text it must read (else what it read is printed).
// Without the variable (as ctest runs it) the photos are this test's own phone photos, saved
// as JPEG files first.
TEST_CASE("photos of your own go through the camera's path", "[pos][camera][photos]") {
    QString folder = qEnvironmentVariable("OASIS_CAMERA_PHOTOS");
    QTemporaryDir own;
    if (folder.isEmpty()) {
        const QString code = giftcode::generate();
        for (const Shot shot : {Shot::Straight, Shot::Glare, Shot::Tilted}) {
            const QString base = own.filePath(QStringLiteral("phone-%1").arg(int(shot)));
            REQUIRE(phonePhoto(code, shot).save(base + QStringLiteral(".jpg"), "JPG", 85));
            QFile text(base + QStringLiteral(".txt"));
            REQUIRE(text.open(QIODevice::WriteOnly));
            text.write(code.toUtf8());
        }
        folder = own.path();
    }
    const QFileInfoList photos = QDir(folder).entryInfoList(
        {QStringLiteral("*.png"), QStringLiteral("*.jpg"), QStringLiteral("*.jpeg")}, QDir::Files,
        QDir::Name);
    REQUIRE_FALSE(photos.isEmpty());
    for (const QFileInfo &photo : photos) {
        QImage image(photo.filePath());
        REQUIRE_FALSE(image.isNull());
        // A webcam sends at most 1920 wide, in even sizes (NV12 halves the chroma).
        if (image.width() > 1920)
            image = image.scaledToWidth(1920, Qt::SmoothTransformation);
        image = image.copy(0, 0, image.width() & ~1, image.height() & ~1);
        const QString read =
            decodeCode(luminanceOf(frameOf(image, QVideoFrameFormat::Format_NV12)));
        QFile expected(photo.path() + u'/' + photo.completeBaseName() + QStringLiteral(".txt"));
        CAPTURE(photo.fileName());
        if (expected.open(QIODevice::ReadOnly))
            CHECK(read == QString::fromUtf8(expected.readAll()).trimmed());
        else
            WARN(photo.fileName().toStdString() + ": " +
                 (read.isEmpty() ? std::string("nothing read") : read.toStdString()));
    }
}

TEST_CASE("screenshots of the camera settings", "[.][screenshots]") {
    const QString dir = qEnvironmentVariable("OASIS_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    applyAppStyle(*qApp); // as the app looks
    postest::TempSettings temp;
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    MainWindow window(tdb.db(), QStringLiteral("test-register"));
    screens::ScreenContext ctx;
    ctx.db = &tdb.db();
    ctx.currentUser = [&] { return postest::frontDesk(tdb.db()); };
    screens::SettingsScreen settings(ctx);
    auto *box = new CameraSettingsBox(scannerOf(window));
    settings.addRegisterSection(box);
    for (int i = 0; i < settings.tabs()->count(); ++i)
        if (settings.tabs()->tabText(i) == screens::SettingsScreen::tr("This register"))
            settings.tabs()->setCurrentIndex(i);
    settings.resize(1366, 768);
    settings.show();
    QTest::qWait(0);
    auto *scroll = qobject_cast<QScrollArea *>(settings.tabs()->currentWidget());
    REQUIRE(scroll);
    scroll->ensureWidgetVisible(box);
    QTest::qWait(0);
    CHECK(settings.grab().save(QDir(dir).filePath(QStringLiteral("settings-camera.png"))));

    // The register just after a gift card was shown to the camera.
    const IssuedCard card = sellCard(tdb.db());
    window.resize(1366, 768);
    window.show();
    window.startSession(postest::frontDesk(tdb.db()));
    scannerOf(window)->decoder()->setMinimumInterval(0);
    show(scannerOf(window),
         frameOf(phonePhoto(card.code, Shot::Glare), QVideoFrameFormat::Format_NV12));
    QTest::qWait(0);
    CHECK(window.grab().save(QDir(dir).filePath(QStringLiteral("register-camera-read.png"))));
    // The recorded frames the tests feed the camera.
    for (const Shot shot : {Shot::Straight, Shot::Glare, Shot::Tilted, Shot::NoCode})
        CHECK(phonePhoto(giftcode::generate(), shot)
                  .save(QDir(dir).filePath(QStringLiteral("camera-frame-%1.png").arg(int(shot)))));
}
