#include "server/sessions.h"

#include <vector>

namespace ddblocal {

Sessions::Handle::Handle(Sessions& sessions, std::shared_ptr<LiveSession> session)
    : sessions_(sessions), session_(std::move(session)) {
  std::lock_guard lock(sessions_.mutex_);
  sessions_.sessions_.emplace(session_.get(), session_);
}

Sessions::Handle::~Handle() {
  std::lock_guard lock(sessions_.mutex_);
  sessions_.sessions_.erase(session_.get());
}

Sessions::Handle Sessions::add(tcp::socket socket) {
  return Handle(*this, std::make_shared<LiveSession>(std::move(socket)));
}

void Sessions::shut_down() {
  shutting_down_ = true;
  std::vector<std::shared_ptr<LiveSession>> live;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [key, session] : sessions_) {
      if (auto alive = session.lock()) {
        live.push_back(std::move(alive));
      }
    }
  }
  // On each connection's strand, so that `idle` is read where it is written.
  for (std::shared_ptr<LiveSession>& session : live) {
    net::post(session->stream.get_executor(), [session] {
      if (session->idle) {
        session->stream.cancel();
      }
    });
  }
}

bool Sessions::empty() const {
  std::lock_guard lock(mutex_);
  return sessions_.empty();
}

}  // namespace ddblocal
