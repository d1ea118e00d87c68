// Sessions: the open connections, so that a graceful shutdown can close the idle ones at once
// and let the busy ones finish the request they are answering.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "server/asio.h"

namespace ddblocal {

// One connection's state as the registry sees it. Touched only on the connection's strand.
struct LiveSession {
  explicit LiveSession(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  // Waiting for a request to begin: nothing is lost by closing it.
  bool idle = false;
};

class Sessions {
 public:
  // Registers a connection for as long as the returned handle lives.
  class Handle {
   public:
    Handle(Sessions& sessions, std::shared_ptr<LiveSession> session);
    ~Handle();
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    LiveSession& operator*() const { return *session_; }
    LiveSession* operator->() const { return session_.get(); }

   private:
    Sessions& sessions_;
    std::shared_ptr<LiveSession> session_;
  };

  Handle add(tcp::socket socket);

  // From now on sessions answer no new request; idle ones are closed now.
  void shut_down();
  bool shutting_down() const { return shutting_down_.load(); }
  bool empty() const;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<LiveSession*, std::weak_ptr<LiveSession>> sessions_;
  std::atomic<bool> shutting_down_ = false;
};

}  // namespace ddblocal
